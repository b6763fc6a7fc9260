using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NspWorkflow.Engine.Definitions;

namespace NspWorkflow.Data.Workflows;

internal sealed class WorkflowScheduledStartConfiguration : IEntityTypeConfiguration<WorkflowScheduledStartRow>
{
    public void Configure(EntityTypeBuilder<WorkflowScheduledStartRow> builder)
    {
        builder.ToTable("WorkflowScheduledStarts");
        // The key is the unique (process id, occurrence): an occurrence is started once, whichever node gets there first.
        builder.HasKey(s => new { s.ProcessId, s.OccurrenceAt });
        builder.Property(s => s.ProcessId).HasMaxLength(DefinitionCatalog.MaxProcessIdLength);
    }
}
