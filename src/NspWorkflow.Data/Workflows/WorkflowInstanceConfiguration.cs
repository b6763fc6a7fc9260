using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NspWorkflow.Engine.Definitions;

namespace NspWorkflow.Data.Workflows;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRow>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRow> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ProcessId).HasMaxLength(DefinitionCatalog.MaxProcessIdLength).IsRequired();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.StateJson).IsRequired();
        builder.Property(i => i.Sequence).IsConcurrencyToken();
        builder.HasIndex(i => new { i.ProcessId, i.Status });
        builder.HasIndex(i => i.ParentInstanceId);
        builder.Property(i => i.BusinessKey).HasMaxLength(100);
        builder.Property(i => i.BusinessKeyKind).HasMaxLength(32);
        builder.HasIndex(i => new { i.BusinessKeyKind, i.BusinessKey });
    }
}

internal sealed class WorkflowTaskConfiguration : IEntityTypeConfiguration<WorkflowTaskRow>
{
    public void Configure(EntityTypeBuilder<WorkflowTaskRow> builder)
    {
        builder.ToTable("WorkflowTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.NodeId).HasMaxLength(200).IsRequired();
        builder.Property(t => t.AssigneeRole).HasMaxLength(100);
        builder.Property(t => t.OrganisationId).HasMaxLength(100);
        builder.Property(t => t.BusinessKey).HasMaxLength(100);
        builder.Property(t => t.BusinessKeyKind).HasMaxLength(32);
        builder.Property(t => t.FormKey).HasMaxLength(100);
        builder.Property(t => t.MailTemplate).HasMaxLength(100);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.CompletedBy).HasMaxLength(200);
        builder.Property(t => t.Outcome).HasMaxLength(200);
        // The inbox and to-do lists: a role's open tasks, oldest first, read in order. Without CreatedAt SQLite (no
        // statistics) chose the (kind, key, status) index and read and sorted every task of every case.
        builder.HasIndex(t => new { t.Status, t.AssigneeRole, t.CreatedAt });
        builder.HasIndex(t => t.InstanceId);
        builder.HasIndex(t => new { t.BusinessKeyKind, t.BusinessKey, t.Status });
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimerRow>
{
    public void Configure(EntityTypeBuilder<WorkflowTimerRow> builder)
    {
        builder.ToTable("WorkflowTimers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.NodeId).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.LastError).HasMaxLength(2000);
        // The sweep reads due pending timers by due time only, in batches.
        builder.HasIndex(t => new { t.Status, t.DueAt });
        builder.HasIndex(t => t.InstanceId);
    }
}

internal sealed class MessageSubscriptionConfiguration : IEntityTypeConfiguration<MessageSubscriptionRow>
{
    public void Configure(EntityTypeBuilder<MessageSubscriptionRow> builder)
    {
        builder.ToTable("WorkflowMessageSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.CorrelationKey).HasMaxLength(400);
        builder.Property(s => s.NodeId).HasMaxLength(200).IsRequired();
        builder.HasIndex(s => new { s.Name, s.CorrelationKey });
        builder.HasIndex(s => s.InstanceId);
    }
}

internal sealed class WorkflowJournalConfiguration : IEntityTypeConfiguration<WorkflowJournalRow>
{
    public void Configure(EntityTypeBuilder<WorkflowJournalRow> builder)
    {
        builder.ToTable("WorkflowJournal");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedOnAdd();
        builder.Property(j => j.NodeId).HasMaxLength(200).IsRequired();
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Detail).HasMaxLength(2000);
        builder.Property(j => j.Actor).HasMaxLength(200);
        builder.HasIndex(j => new { j.InstanceId, j.Id });
    }
}

internal sealed class WorkflowIncidentConfiguration : IEntityTypeConfiguration<WorkflowIncidentRow>
{
    public void Configure(EntityTypeBuilder<WorkflowIncidentRow> builder)
    {
        builder.ToTable("WorkflowIncidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ElementId).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Message).HasMaxLength(4000).IsRequired();
        builder.HasIndex(i => new { i.InstanceId, i.ResolvedAt });
    }
}
