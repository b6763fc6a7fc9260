using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TimerStarts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkflowScheduledStarts",
                columns: table => new
                {
                    ProcessId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OccurrenceAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowScheduledStarts", x => new { x.ProcessId, x.OccurrenceAt });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkflowScheduledStarts");
        }
    }
}
