using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CaseListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ShelterId_Status",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CreatedAt_Reference",
                table: "Cases",
                columns: new[] { "CreatedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ShelterId_CreatedAt_Reference",
                table: "Cases",
                columns: new[] { "ShelterId", "CreatedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ShelterId_Status_CreatedAt_Reference",
                table: "Cases",
                columns: new[] { "ShelterId", "Status", "CreatedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_CreatedAt_Reference",
                table: "Cases",
                columns: new[] { "Status", "CreatedAt", "Reference" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_CreatedAt_Reference",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ShelterId_CreatedAt_Reference",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ShelterId_Status_CreatedAt_Reference",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_CreatedAt_Reference",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ShelterId_Status",
                table: "Cases",
                columns: new[] { "ShelterId", "Status" });
        }
    }
}
