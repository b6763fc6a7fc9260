using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.SqlServer.Migrations
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
                    ProcessId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OccurrenceAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DefinitionVersion = table.Column<int>(type: "int", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
