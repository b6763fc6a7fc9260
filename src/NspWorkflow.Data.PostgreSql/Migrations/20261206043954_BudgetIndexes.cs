using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BudgetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommitmentPeriods_LastDay",
                table: "CommitmentPeriods");

            migrationBuilder.DropIndex(
                name: "IX_CommitmentMonths_Month",
                table: "CommitmentMonths");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentPeriods_LastDay_Renewable_Renewed",
                table: "CommitmentPeriods",
                columns: new[] { "LastDay", "Renewable", "Renewed" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentMonths_Month_Amount",
                table: "CommitmentMonths",
                columns: new[] { "Month", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommitmentPeriods_LastDay_Renewable_Renewed",
                table: "CommitmentPeriods");

            migrationBuilder.DropIndex(
                name: "IX_CommitmentMonths_Month_Amount",
                table: "CommitmentMonths");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentPeriods_LastDay",
                table: "CommitmentPeriods",
                column: "LastDay");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentMonths_Month",
                table: "CommitmentMonths",
                column: "Month");
        }
    }
}
