using System.Security.Claims;
using NspWorkflow.Engine.Definitions;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>
/// An administrator's saves and publishes of definitions, for the API and the designer page alike: the catalog's rules,
/// and an audit entry naming who saved or published which version.
/// </summary>
public sealed class WorkflowDefinitionEdits(DefinitionCatalog catalog, IWorkflowAudit audit)
{
    public const string SavedAction = "workflow.draft-saved";
    public const string PublishedAction = "workflow.published";

    /// <summary>The audit log's limit on an entry's detail.</summary>
    private const int MaxDetailLength = 200;

    /// <summary>Saves the file as a draft (see <see cref="DefinitionCatalog.SaveDraftAsync"/>); a stored file is audited per process.</summary>
    public async Task<SaveDraftResult> SaveDraftAsync(string xml, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await catalog.SaveDraftAsync(xml, cancellationToken);
        if (result is SaveDraftResult.Saved saved)
        {
            // A save that found the same content already stored is audited too: the administrator did save.
            foreach (var version in saved.Versions)
                await audit.RecordAsync(user, SavedAction, null, null, Detail(version.ProcessId, version.Version), cancellationToken);
            await audit.SaveAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Publishes a draft (see <see cref="DefinitionCatalog.PublishAsync"/>); only an actual publish is audited.</summary>
    public async Task<PublishResult> PublishAsync(string processId, int version, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await catalog.PublishAsync(processId, version, cancellationToken);
        if (result is PublishResult.Published published)
        {
            await audit.RecordAsync(user, PublishedAction, null, null, Detail(published.Version.ProcessId, published.Version.Version), cancellationToken);
            await audit.SaveAsync(cancellationToken);
        }

        return result;
    }

    private static string Detail(string processId, int version)
    {
        var detail = $"{processId} version {version}";
        return detail.Length <= MaxDetailLength ? detail : detail[..MaxDetailLength];
    }
}
