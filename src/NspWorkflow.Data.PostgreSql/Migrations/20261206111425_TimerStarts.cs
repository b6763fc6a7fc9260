using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.PostgreSql.Migrations
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
                    ProcessId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OccurrenceAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
