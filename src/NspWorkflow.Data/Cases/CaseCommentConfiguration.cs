using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NspWorkflow.Data.Cases;

internal sealed class CaseCommentConfiguration : IEntityTypeConfiguration<CaseCommentRow>
{
    public void Configure(EntityTypeBuilder<CaseCommentRow> builder)
    {
        builder.ToTable("CaseComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Author).HasMaxLength(CaseCommentRow.MaxAuthorLength).IsRequired();
        builder.Property(c => c.AuthorRole).HasMaxLength(CaseCommentRow.MaxRoleLength).IsRequired();
        builder.Property(c => c.ProtectedText).IsRequired();
        // The case page reads a case's comments in order: one seek on this index, however many cases there are.
        builder.HasIndex(c => new { c.CaseId, c.At });
        builder.HasOne<CaseRow>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
