namespace NspWorkflow.Engine.Definitions;

/// <summary>
/// Where definition versions live. The host implements it (on its database); <see cref="DefinitionCatalog"/> holds
/// the rules (validation, which draft may be published, identical content). The two writes are atomic.
/// </summary>
public interface IDefinitionStore
{
    /// <summary>The published version with the highest number, or null when the process has none.</summary>
    Task<DefinitionVersion?> GetLatestPublishedAsync(string processId, CancellationToken cancellationToken = default);

    /// <summary>One version, draft or published; null when it does not exist.</summary>
    Task<DefinitionVersion?> GetAsync(string processId, int version, CancellationToken cancellationToken = default);

    /// <summary>Every version of a process, highest number first, without the XML.</summary>
    Task<IReadOnlyList<DefinitionVersionInfo>> ListVersionsAsync(string processId, CancellationToken cancellationToken = default);

    /// <summary>Every process id, ordered by id.</summary>
    Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The latest published version of every process that has one, without the XML: what the schedule of timer start
    /// events runs on (see <c>WorkflowEngine.FindDueScheduledStartsAsync</c>). The default asks process by process; a
    /// store on a database answers in one read.
    /// </summary>
    async Task<IReadOnlyList<DefinitionVersionInfo>> ListLatestPublishedAsync(CancellationToken cancellationToken = default)
    {
        var latest = new List<DefinitionVersionInfo>();
        foreach (var summary in await ListAsync(cancellationToken))
        {
            if (summary.LatestPublishedVersion is { } version && await GetAsync(summary.ProcessId, version, cancellationToken) is { } found)
            {
                latest.Add(found.Info);
            }
        }

        return latest;
    }

    /// <summary>Stores drafts (one per process of a file) in one transaction, each with its process's next version number.</summary>
    Task<IReadOnlyList<DefinitionVersion>> AddDraftsAsync(IReadOnlyList<NewDraft> drafts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the draft the latest published version of its process, unless a version with a number at least as high
    /// was published meanwhile: then nothing changes and the answer names that version. Atomic: of two concurrent
    /// calls for one process at most one succeeds.
    /// </summary>
    Task<StorePublishOutcome> PublishAsync(string processId, int version, DateTimeOffset publishedAt, CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IDefinitionStore.PublishAsync"/> did.</summary>
public abstract record StorePublishOutcome
{
    private StorePublishOutcome()
    {
    }

    public sealed record Published(DefinitionVersion Version) : StorePublishOutcome;

    /// <summary>Another version (<paramref name="LatestPublishedVersion"/>) was published first; this one stays a draft.</summary>
    public sealed record Outdated(int LatestPublishedVersion) : StorePublishOutcome;

    public sealed record NotFound : StorePublishOutcome;
}
