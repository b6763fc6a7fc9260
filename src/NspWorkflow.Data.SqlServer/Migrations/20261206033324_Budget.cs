using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Budget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommitmentMonths",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    Days = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentMonths", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Renewed = table.Column<bool>(type: "bit", nullable: false),
                    Renewable = table.Column<bool>(type: "bit", nullable: false),
                    RenewalDaily = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    RenewalDays = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentPeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FunderRules",
                columns: table => new
                {
                    FromMonth = table.Column<int>(type: "int", nullable: false),
                    Funder = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FunderRules", x => x.FromMonth);
                });

            migrationBuilder.CreateTable(
                name: "Grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Funder = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    DirectSupport = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentMonths_CaseId",
                table: "CommitmentMonths",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentMonths_Month",
                table: "CommitmentMonths",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentPeriods_CaseId",
                table: "CommitmentPeriods",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentPeriods_LastDay",
                table: "CommitmentPeriods",
                column: "LastDay");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Year_Funder",
                table: "Grants",
                columns: new[] { "Year", "Funder" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitmentMonths");

            migrationBuilder.DropTable(
                name: "CommitmentPeriods");

            migrationBuilder.DropTable(
                name: "FunderRules");

            migrationBuilder.DropTable(
                name: "Grants");
        }
    }
}
