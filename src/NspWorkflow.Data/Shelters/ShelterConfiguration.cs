using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Data.Shelters;

internal sealed class ShelterConfiguration : IEntityTypeConfiguration<Shelter>
{
    public void Configure(EntityTypeBuilder<Shelter> builder)
    {
        builder.ToTable("Shelters");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(ShelterDetails.MaxNameLength).IsRequired();
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.Region).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.CertificationStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ContactEmails)
            .HasConversion(ListConverters.Strings, ListConverters.StringsComparer)
            .HasMaxLength(ShelterDetails.MaxContactEmails * (ShelterDetails.MaxEmailLength + 1));
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.ComplexProperty(s => s.Capacity, capacity =>
        {
            capacity.Property(c => c.Women).HasColumnName("CapacityWomen");
            capacity.Property(c => c.Men).HasColumnName("CapacityMen");
            capacity.Property(c => c.AccompanyingChildren).HasColumnName("CapacityChildren");
            capacity.Property(c => c.ActiveSubstanceAbuse).HasColumnName("CapacitySubstanceAbuse");
            capacity.Property(c => c.Places).HasColumnName("CapacityPlaces");
            capacity.Property(c => c.ExploitationForms).HasColumnName("CapacityExploitationForms")
                .HasConversion(ListConverters.Enums<ExploitationForm>(), ListConverters.EnumsComparer<ExploitationForm>())
                .HasMaxLength(100);
        });
    }
}
