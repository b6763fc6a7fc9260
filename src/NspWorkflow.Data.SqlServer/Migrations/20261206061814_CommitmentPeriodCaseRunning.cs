using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CommitmentPeriodCaseRunning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommitmentPeriods_LastDay_Renewable_Renewed",
                table: "CommitmentPeriods");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CommitmentTotals");

            migrationBuilder.AddColumn<bool>(
                name: "CaseRunning",
                table: "CommitmentPeriods",
                type: "bit",
                nullable: false,
                defaultValue: false);

            // The periods stored before: running when their case is active and open, as the app writes them from now on.
            migrationBuilder.Sql("""
                UPDATE [CommitmentPeriods] SET [CaseRunning] = CAST(1 AS bit) WHERE [CaseId] IN (SELECT [Id] FROM [Cases] WHERE [Status] = N'Active' AND [Outcome] = N'Open');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentPeriods_LastDay_Renewable_Renewed_CaseRunning",
                table: "CommitmentPeriods",
                columns: new[] { "LastDay", "Renewable", "Renewed", "CaseRunning" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CommitmentPeriods_LastDay_Renewable_Renewed_CaseRunning",
                table: "CommitmentPeriods");

            migrationBuilder.DropColumn(
                name: "CaseRunning",
                table: "CommitmentPeriods");

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "CommitmentTotals",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentPeriods_LastDay_Renewable_Renewed",
                table: "CommitmentPeriods",
                columns: new[] { "LastDay", "Renewable", "Renewed" });
        }
    }
}
