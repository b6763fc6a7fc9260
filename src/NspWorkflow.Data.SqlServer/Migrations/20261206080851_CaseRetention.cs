using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CaseRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ErasedAt",
                table: "Cases",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ErasedAt_ClosedOn",
                table: "Cases",
                columns: new[] { "ErasedAt", "ClosedOn" });

            // Cases closed before the column existed: the day they closed was not stored, but their last change (UpdatedAt)
            // is on or after it, so the retention period counted from that day never ends early (in Swedish time).
            migrationBuilder.Sql("""
                UPDATE [Cases] SET [ClosedOn] = CAST([UpdatedAt] AT TIME ZONE 'W. Europe Standard Time' AS date) WHERE [Status] = N'Closed';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ErasedAt_ClosedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "Cases");
        }
    }
}
