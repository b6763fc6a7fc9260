using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BudgetTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommitmentTotals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentTotals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_CoversMonth_BasisId_Total",
                table: "InvoiceLines",
                columns: new[] { "CoversMonth", "BasisId", "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentTotals_Month",
                table: "CommitmentTotals",
                column: "Month");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitmentTotals");

            migrationBuilder.DropIndex(
                name: "IX_InvoiceLines_CoversMonth_BasisId_Total",
                table: "InvoiceLines");
        }
    }
}
