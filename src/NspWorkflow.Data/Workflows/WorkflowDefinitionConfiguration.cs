using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NspWorkflow.Engine.Definitions;

namespace NspWorkflow.Data.Workflows;

internal sealed class WorkflowDefinitionVersionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionVersionRow>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionVersionRow> builder)
    {
        builder.ToTable("WorkflowDefinitionVersions");
        // The key is the unique (process id, version): two concurrent saves cannot take one number.
        builder.HasKey(v => new { v.ProcessId, v.Version });
        builder.Property(v => v.ProcessId).HasMaxLength(DefinitionCatalog.MaxProcessIdLength);
        builder.Property(v => v.Version).ValueGeneratedNever();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Name).HasMaxLength(DefinitionCatalog.MaxNameLength).IsRequired();
        builder.Property(v => v.Xml).IsRequired();
        builder.Property(v => v.ContentHash).HasMaxLength(64).IsRequired();
    }
}

internal sealed class WorkflowDefinitionHeadConfiguration : IEntityTypeConfiguration<WorkflowDefinitionHead>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionHead> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(h => h.ProcessId);
        builder.Property(h => h.ProcessId).HasMaxLength(DefinitionCatalog.MaxProcessIdLength);
        builder.Property(h => h.LatestPublishedVersion).IsConcurrencyToken();
    }
}
