using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ErasedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ErasedAt_ClosedOn",
                table: "Cases",
                columns: new[] { "ErasedAt", "ClosedOn" });

            // Cases closed before the column existed: the day they closed was not stored, but their last change (UpdatedAt)
            // is on or after it, so the retention period counted from that day never ends early (UTC ticks; two hours added for Swedish time, so the day is never earlier than in Sweden).
            migrationBuilder.Sql("""
                UPDATE "Cases" SET "ClosedOn" = date(("UpdatedAt" - 621355968000000000) / 10000000 + 7200, 'unixepoch') WHERE "Status" = 'Closed';
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
