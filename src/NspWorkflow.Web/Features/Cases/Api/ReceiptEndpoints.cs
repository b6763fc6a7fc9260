using System.Security.Claims;
using NspWorkflow.Domain;
using NspWorkflow.Web.Infrastructure.Api;

namespace NspWorkflow.Web.Features.Cases.Api;

/// <summary>
/// The receipt of a point intervention: uploaded by the case's shelter as the request body (PDF, JPEG or PNG, at most
/// 10 MB, recognised by its first bytes), stored encrypted, and read by whoever may read the case (audited).
/// </summary>
public static class ReceiptEndpoints
{
    public static RouteGroupBuilder MapReceiptEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/cases/{caseId:guid}/point-interventions/{id:guid}/receipt", UploadAsync).WithName("UploadReceipt");
        api.MapGet("/cases/{caseId:guid}/point-interventions/{id:guid}/receipt", DownloadAsync).WithName("DownloadReceipt");
        return api;
    }

    private static async Task<IResult> UploadAsync(Guid caseId, Guid id, HttpRequest request, ClaimsPrincipal user,
        CaseWorkspace workspace, ReceiptStore receipts, CancellationToken cancellationToken)
    {
        var found = await workspace.LoadAsync(caseId, cancellationToken);
        if (found is null || !CaseAccess.IsShelterOf(user, found.ShelterId) || found.PointInterventions.All(p => p.Id != id))
            return ApiProblems.NotFound();
        if (request.ContentLength > ReceiptStore.MaxBytes)
            return TooLarge();

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ReceiptStore.MaxBytes)
                return TooLarge();
            buffer.Write(chunk, 0, read);
        }

        var content = buffer.ToArray();
        if (ReceiptKind.Of(content) is not { } kind)
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Api.ReceiptKind");

        try
        {
            workspace.Change(caseId, c => c.AttachReceipt(id, ReceiptStore.ReferenceOf(kind)));
        }
        catch (RuleViolationException e)
        {
            return ApiProblems.Violations(e.Violations);
        }

        await receipts.SaveAsync(id, content, cancellationToken);
        workspace.Audit(CaseAccess.Actor(user), "case.receipt", found, kind.Extension);
        await workspace.SaveAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> DownloadAsync(Guid caseId, Guid id, ClaimsPrincipal user, CaseReader reader,
        CancellationToken cancellationToken) =>
        await reader.ReadReceiptAsync(caseId, id, user, cancellationToken) is { } receipt
            ? TypedResults.File(receipt.Content, receipt.ContentType, receipt.FileName)
            : ApiProblems.NotFound();

    private static IResult TooLarge() =>
        ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Api.ReceiptTooLarge", null, ReceiptStore.MaxBytes / 1024 / 1024);
}
