using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Invoicing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InvoiceBases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShelterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    InvoiceFileReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SentBackComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceBases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceRuns",
                columns: table => new
                {
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    RanAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RanBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceRuns", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BasisId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CoversMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCorrection = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PeriodNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    DailyHousingAndFood = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DailyProtectionAndSupport = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DailyIntegration = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DailyChildSupplement = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DailyMotivatedSupplement = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    HousingAndFood = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ProtectionAndSupport = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Integration = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ChildSupplement = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    MotivatedSupplement = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PointInterventionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CategoryKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PointInterventionAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ReceiptReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvoiceLines_InvoiceBases_BasisId",
                        column: x => x.BasisId,
                        principalTable: "InvoiceBases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceBases_ShelterId_Month",
                table: "InvoiceBases",
                columns: new[] { "ShelterId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceBases_Status_Month",
                table: "InvoiceBases",
                columns: new[] { "Status", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_BasisId_CaseId_Key",
                table: "InvoiceLines",
                columns: new[] { "BasisId", "CaseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_CaseId_CoversMonth",
                table: "InvoiceLines",
                columns: new[] { "CaseId", "CoversMonth" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InvoiceLines");

            migrationBuilder.DropTable(
                name: "InvoiceRuns");

            migrationBuilder.DropTable(
                name: "InvoiceBases");
        }
    }
}
