using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Data.Reports;

internal sealed class CaseReportFactsConfiguration : IEntityTypeConfiguration<CaseReportFactsRow>
{
    public void Configure(EntityTypeBuilder<CaseReportFactsRow> builder)
    {
        builder.ToTable("CaseReportFacts");
        builder.HasKey(f => f.CaseId);
        builder.Property(f => f.CaseId).ValueGeneratedNever();
        // A report reads the cases supported in a range of days: a range of this index.
        builder.HasIndex(f => new { f.LastDay, f.FirstDay });
        builder.Property(f => f.AgeBand).HasMaxLength(10);
        builder.Property(f => f.Gender).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.CountryCode).HasMaxLength(2);
        builder.Property(f => f.ExploitationForms)
            .HasConversion(ListConverters.Enums<ExploitationForm>(), ListConverters.EnumsComparer<ExploitationForm>())
            .HasMaxLength(100);
    }
}

internal sealed class CaseReportPointInterventionConfiguration : IEntityTypeConfiguration<CaseReportPointInterventionRow>
{
    public void Configure(EntityTypeBuilder<CaseReportPointInterventionRow> builder)
    {
        builder.ToTable("CaseReportPointInterventions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => p.CaseId);
        builder.HasIndex(p => new { p.Date, p.Amount });
        builder.Property(p => p.Amount).HasPrecision(18, 2);
    }
}
