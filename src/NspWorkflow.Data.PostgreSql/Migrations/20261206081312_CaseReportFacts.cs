using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CaseReportFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseReportFacts",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ShelterId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: true),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: true),
                    AgeBand = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ExploitationForms = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildrenInSweden = table.Column<int>(type: "integer", nullable: false),
                    ChildrenInCountryOfOrigin = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReportFacts", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "CaseReportPointInterventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReportPointInterventions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReportFacts_LastDay_FirstDay",
                table: "CaseReportFacts",
                columns: new[] { "LastDay", "FirstDay" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReportPointInterventions_CaseId",
                table: "CaseReportPointInterventions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReportPointInterventions_Date_Amount",
                table: "CaseReportPointInterventions",
                columns: new[] { "Date", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseReportFacts");

            migrationBuilder.DropTable(
                name: "CaseReportPointInterventions");
        }
    }
}
