using Microsoft.AspNetCore.DataProtection;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>A receipt's kind, known from the file's first bytes (never from what the sender claims).</summary>
public sealed record ReceiptKind(string Extension, string ContentType)
{
    public static readonly ReceiptKind Pdf = new("pdf", "application/pdf");
    public static readonly ReceiptKind Jpeg = new("jpg", "image/jpeg");
    public static readonly ReceiptKind Png = new("png", "image/png");

    public static ReceiptKind? Of(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? Pdf
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : null;

    public static ReceiptKind? FromReference(string? reference) =>
        reference?.StartsWith(ReceiptStore.ReferencePrefix, StringComparison.Ordinal) == true
            ? new[] { Pdf, Jpeg, Png }.FirstOrDefault(k => k.Extension == reference[ReceiptStore.ReferencePrefix.Length..])
            : null;
}

/// <summary>
/// Receipts of point interventions as files in <c>&lt;Data:Path&gt;/receipts</c>, encrypted with Data Protection (a
/// receipt names the person and what was bought). One file per point intervention; a new upload replaces it.
/// </summary>
public sealed class ReceiptStore(IDataProtectionProvider provider, AppOptions app)
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const string ReferencePrefix = "upload:";

    private readonly IDataProtector protector = provider.CreateProtector("NspWorkflow.Cases.Receipt.v1");
    private readonly string folder = Path.Combine(app.DataPath, "receipts");

    /// <summary>The reference the case records for a stored receipt of <paramref name="kind"/>.</summary>
    public static string ReferenceOf(ReceiptKind kind) => ReferencePrefix + kind.Extension;

    public async Task SaveAsync(Guid pointInterventionId, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = PathOf(pointInterventionId);
        // Written aside and moved, so a reader never sees half a file.
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, protector.Protect(content), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public async Task<byte[]?> LoadAsync(Guid pointInterventionId, CancellationToken cancellationToken)
    {
        var path = PathOf(pointInterventionId);
        return File.Exists(path) ? protector.Unprotect(await File.ReadAllBytesAsync(path, cancellationToken)) : null;
    }

    /// <summary>Removes the receipt's file (and a half-written one), if any: the retention job erases a case's receipts.</summary>
    public void Delete(Guid pointInterventionId)
    {
        var path = PathOf(pointInterventionId);
        File.Delete(path);
        File.Delete(path + ".tmp");
    }

    private string PathOf(Guid pointInterventionId) => Path.Combine(folder, pointInterventionId.ToString("N"));
}
