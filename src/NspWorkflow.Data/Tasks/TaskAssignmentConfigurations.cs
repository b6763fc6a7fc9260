using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NspWorkflow.Data.Tasks;

internal sealed class CoordinatorConfiguration : IEntityTypeConfiguration<CoordinatorRow>
{
    public void Configure(EntityTypeBuilder<CoordinatorRow> builder)
    {
        builder.ToTable("Coordinators");
        builder.HasKey(c => c.Subject);
        builder.Property(c => c.Subject).HasMaxLength(CoordinatorRow.MaxSubjectLength);
        builder.Property(c => c.Name).HasMaxLength(CoordinatorRow.MaxNameLength).IsRequired();
    }
}

internal sealed class TaskAssignmentConfiguration : IEntityTypeConfiguration<TaskAssignmentRow>
{
    public void Configure(EntityTypeBuilder<TaskAssignmentRow> builder)
    {
        builder.ToTable("TaskAssignments");
        // One row per task: a hand-over replaces the assignment, never adds a second.
        builder.HasKey(a => a.TaskId);
        builder.Property(a => a.TaskId).ValueGeneratedNever();
        builder.Property(a => a.AssignedTo).HasMaxLength(CoordinatorRow.MaxSubjectLength).IsRequired();
        builder.Property(a => a.AssignedToName).HasMaxLength(CoordinatorRow.MaxNameLength).IsRequired();
        builder.Property(a => a.AssignedBy).HasMaxLength(CoordinatorRow.MaxNameLength).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.AssignedTo);
    }
}

internal sealed class StandInConfiguration : IEntityTypeConfiguration<StandInRow>
{
    public void Configure(EntityTypeBuilder<StandInRow> builder)
    {
        builder.ToTable("StandIns");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Coordinator).HasMaxLength(CoordinatorRow.MaxSubjectLength).IsRequired();
        builder.Property(s => s.CoordinatorName).HasMaxLength(CoordinatorRow.MaxNameLength).IsRequired();
        builder.Property(s => s.StandIn).HasMaxLength(CoordinatorRow.MaxSubjectLength).IsRequired();
        builder.Property(s => s.StandInName).HasMaxLength(CoordinatorRow.MaxNameLength).IsRequired();
        builder.HasIndex(s => new { s.StandIn, s.LastDay });
        builder.HasIndex(s => new { s.Coordinator, s.LastDay });
    }
}
