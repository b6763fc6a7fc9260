using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CaseCommentsAndListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_Status_AssigneeRole",
                table: "WorkflowTasks");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ShelterId_Status",
                table: "Cases");

            migrationBuilder.CreateTable(
                name: "CaseComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuthorRole = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProtectedText = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseComments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_Status_AssigneeRole_CreatedAt",
                table: "WorkflowTasks",
                columns: new[] { "Status", "AssigneeRole", "CreatedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_CaseComments_CaseId_At",
                table: "CaseComments",
                columns: new[] { "CaseId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseComments");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_Status_AssigneeRole_CreatedAt",
                table: "WorkflowTasks");

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
                name: "IX_WorkflowTasks_Status_AssigneeRole",
                table: "WorkflowTasks",
                columns: new[] { "Status", "AssigneeRole" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ShelterId_Status",
                table: "Cases",
                columns: new[] { "ShelterId", "Status" });
        }
    }
}
