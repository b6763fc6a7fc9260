using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NspWorkflow.Data.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<CaseRow>
{
    public void Configure(EntityTypeBuilder<CaseRow> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reference).HasMaxLength(20).IsRequired();
        // Numbers come from CaseReferenceCounters; the index is the last guard against a reference given twice.
        builder.HasIndex(c => c.Reference).IsUnique();
        // The case list pages newest first by (CreatedAt, Reference), all cases or by shelter, status or both: each
        // filter has an index in that order, so a page is a range read of 51 entries, not a sort of every match.
        builder.HasIndex(c => new { c.ShelterId, c.Status, c.CreatedAt, c.Reference });
        builder.HasIndex(c => new { c.ShelterId, c.CreatedAt, c.Reference });
        builder.HasIndex(c => new { c.Status, c.CreatedAt, c.Reference });
        builder.HasIndex(c => new { c.CreatedAt, c.Reference });
        // The retention job and its page look for cases not yet erased that closed before a day: a range of this index.
        builder.HasIndex(c => new { c.ErasedAt, c.ClosedOn });
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.ProtectedData).IsRequired();
    }
}
