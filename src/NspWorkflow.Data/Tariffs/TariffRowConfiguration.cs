using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NspWorkflow.Data.Tariffs;

internal sealed class TariffRowConfiguration : IEntityTypeConfiguration<TariffRow>
{
    public void Configure(EntityTypeBuilder<TariffRow> builder)
    {
        builder.ToTable("Tariffs");
        // The revision is the key: a second save of the same revision fails on it, which is the concurrency check.
        builder.HasKey(t => t.Revision);
        builder.Property(t => t.Revision).ValueGeneratedNever();
        builder.Property(t => t.Json).IsRequired();
        builder.Property(t => t.CreatedBy).HasMaxLength(TariffRow.MaxActorLength).IsRequired();
        // Also a check of the optimistic change: the replaced row must still be unreplaced when the update runs.
        builder.Property(t => t.ReplacedInRevision).IsConcurrencyToken();
    }
}
