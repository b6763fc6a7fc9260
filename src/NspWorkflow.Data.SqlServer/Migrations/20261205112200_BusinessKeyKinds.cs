using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspWorkflow.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BusinessKeyKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_BusinessKey_Status",
                table: "WorkflowTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_BusinessKey",
                table: "WorkflowInstances");

            migrationBuilder.AddColumn<string>(
                name: "BusinessKeyKind",
                table: "WorkflowTasks",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BusinessKeyKind",
                table: "WorkflowInstances",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            // Until this migration every business key was a case id (the one key the app had, caseId).
            migrationBuilder.Sql("UPDATE [WorkflowInstances] SET [BusinessKeyKind] = 'case' WHERE [BusinessKey] IS NOT NULL;");
            migrationBuilder.Sql("UPDATE [WorkflowTasks] SET [BusinessKeyKind] = 'case' WHERE [BusinessKey] IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_BusinessKeyKind_BusinessKey_Status",
                table: "WorkflowTasks",
                columns: new[] { "BusinessKeyKind", "BusinessKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_BusinessKeyKind_BusinessKey",
                table: "WorkflowInstances",
                columns: new[] { "BusinessKeyKind", "BusinessKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_BusinessKeyKind_BusinessKey_Status",
                table: "WorkflowTasks");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_BusinessKeyKind_BusinessKey",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "BusinessKeyKind",
                table: "WorkflowTasks");

            migrationBuilder.DropColumn(
                name: "BusinessKeyKind",
                table: "WorkflowInstances");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_BusinessKey_Status",
                table: "WorkflowTasks",
                columns: new[] { "BusinessKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_BusinessKey",
                table: "WorkflowInstances",
                column: "BusinessKey");
        }
    }
}
