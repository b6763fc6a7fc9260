using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NspWorkflow.Data.Cases;

internal sealed class ApplicationDraftConfiguration : IEntityTypeConfiguration<ApplicationDraftRow>
{
    public void Configure(EntityTypeBuilder<ApplicationDraftRow> builder)
    {
        builder.ToTable("ApplicationDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => new { d.ShelterId, d.UpdatedAt });
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.ProtectedData).IsRequired();
    }
}
