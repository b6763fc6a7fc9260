using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NspWorkflow.Data.Invoicing;

internal sealed class InvoiceRunConfiguration : IEntityTypeConfiguration<InvoiceRunRow>
{
    public void Configure(EntityTypeBuilder<InvoiceRunRow> builder)
    {
        builder.ToTable("InvoiceRuns");
        builder.HasKey(r => r.Month);
        builder.Property(r => r.Month).ValueGeneratedNever();
        builder.Property(r => r.RanBy).HasMaxLength(InvoiceRunRow.MaxActorLength).IsRequired();
    }
}

internal sealed class InvoiceBasisConfiguration : IEntityTypeConfiguration<InvoiceBasisRow>
{
    public void Configure(EntityTypeBuilder<InvoiceBasisRow> builder)
    {
        builder.ToTable("InvoiceBases");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        // One basis per shelter and month, whatever runs at once.
        builder.HasIndex(b => new { b.ShelterId, b.Month }).IsUnique();
        builder.HasIndex(b => new { b.Status, b.Month });
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Total).HasPrecision(18, 2);
        builder.Property(b => b.InvoiceNumber).HasMaxLength(InvoiceBasisRow.MaxInvoiceNumberLength);
        builder.Property(b => b.InvoiceFileReference).HasMaxLength(200);
        builder.Property(b => b.SubmittedBy).HasMaxLength(InvoiceRunRow.MaxActorLength);
        builder.Property(b => b.DecidedBy).HasMaxLength(InvoiceRunRow.MaxActorLength);
        builder.Property(b => b.SentBackComment).HasMaxLength(InvoiceBasisRow.MaxCommentLength);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasMany(b => b.Lines).WithOne().HasForeignKey(l => l.BasisId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLineRow>
{
    public void Configure(EntityTypeBuilder<InvoiceLineRow> builder)
    {
        builder.ToTable("InvoiceLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        // A line is one of a kind in its basis and case: building a basis again cannot duplicate it.
        builder.HasIndex(l => new { l.BasisId, l.CaseId, l.Key }).IsUnique();
        // What a case was invoiced before is read by case when the next basis is built.
        builder.HasIndex(l => new { l.CaseId, l.CoversMonth });
        // The budget sums the attested lines of a year by the month they cover: a range of this index holds all it reads.
        builder.HasIndex(l => new { l.CoversMonth, l.BasisId, l.Total });
        builder.Property(l => l.Key).HasMaxLength(InvoiceLineRow.MaxKeyLength).IsRequired();
        builder.Property(l => l.CaseReference).HasMaxLength(20).IsRequired();
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.PeriodKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.CategoryKey).HasMaxLength(100);
        builder.Property(l => l.ReceiptReference).HasMaxLength(200);
        foreach (var property in builder.Metadata.GetProperties().Where(p => p.ClrType == typeof(decimal)))
        {
            property.SetPrecision(18);
            property.SetScale(2);
        }
    }
}
