using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NspWorkflow.Data.Certification;

internal sealed class CertificationConfiguration : IEntityTypeConfiguration<CertificationRow>
{
    public void Configure(EntityTypeBuilder<CertificationRow> builder)
    {
        builder.ToTable("Certifications");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        // One certification a shelter and requirements year: two starts at once give one, and the other is told. A shelter's
        // current certification is its latest year's.
        builder.HasIndex(c => new { c.ShelterId, c.RequirementsYear }).IsUnique();
        builder.Property(c => c.Stage).HasMaxLength(20).IsRequired();
        builder.Property(c => c.Document).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class RequirementCatalogConfiguration : IEntityTypeConfiguration<RequirementCatalogRow>
{
    public void Configure(EntityTypeBuilder<RequirementCatalogRow> builder)
    {
        builder.ToTable("RequirementCatalogs");
        builder.HasKey(r => r.Year);
        builder.Property(r => r.Year).ValueGeneratedNever();
        builder.Property(r => r.Document).IsRequired();
        builder.Property(r => r.UpdatedBy).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class RoutineCheckConfiguration : IEntityTypeConfiguration<RoutineCheckRow>
{
    public void Configure(EntityTypeBuilder<RoutineCheckRow> builder)
    {
        builder.ToTable("RoutineChecks");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.ShelterId, r.Year }).IsUnique();
        builder.Property(r => r.Status).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Document).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class CertificationNoticeConfiguration : IEntityTypeConfiguration<CertificationNoticeRow>
{
    public void Configure(EntityTypeBuilder<CertificationNoticeRow> builder)
    {
        builder.ToTable("CertificationNotices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasIndex(n => new { n.ShelterId, n.Kind, n.ActionId, n.Deadline, n.Step }).IsUnique();
        builder.Property(n => n.Kind).HasMaxLength(20).IsRequired();
    }
}

internal sealed class CertificationInvitationConfiguration : IEntityTypeConfiguration<CertificationInvitationRow>
{
    public void Configure(EntityTypeBuilder<CertificationInvitationRow> builder)
    {
        builder.ToTable("CertificationInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        // The link finds its invitation by the token's hash.
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.ShelterName).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Region).HasMaxLength(40).IsRequired();
        builder.Property(i => i.ContactEmail).HasMaxLength(254).IsRequired();
        builder.Property(i => i.Stage).HasMaxLength(20).IsRequired();
        builder.Property(i => i.Document).IsRequired();
        builder.Property(i => i.InvitedBy).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}
