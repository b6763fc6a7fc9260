using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using NspWorkflow.Engine.Parsing;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Definitions;

/// <summary>
/// Drafts and published versions of definitions: the rules over an <see cref="IDefinitionStore"/>.
/// <list type="bullet">
/// <item>A file may hold several processes; each process id is a definition of its own, and each stored version
/// keeps the whole file (calls between processes of one file resolve; the designer reopens the file as saved).</item>
/// <item>Saving numbers the draft 1..n per process id; a file identical to the latest published version or to a
/// newer draft is not stored again: the answer is that version.</item>
/// <item>Publishing validates the whole file with the host's names plus every published process id; any problem
/// refuses it with the full list. Only a draft newer than the latest published version can be published, and of two
/// concurrent publishes of one process one wins; the other is told which version won.</item>
/// </list>
/// </summary>
public sealed class DefinitionCatalog(IDefinitionStore store, ValidationContext vocabulary, TimeProvider time, DefinitionChecker checker)
{
    public const int MaxProcessIdLength = 200;
    public const int MaxNameLength = 200;

    public DefinitionCatalog(IDefinitionStore store, ValidationContext vocabulary, TimeProvider time)
        : this(store, vocabulary, time, new DefinitionChecker())
    {
    }

    /// <summary>
    /// Stores the file as a draft of each of its processes, all or none. Refused only when the file cannot be read as
    /// BPMN at all; other problems are returned with the drafts (they block publishing, not saving).
    /// </summary>
    public async Task<SaveDraftResult> SaveDraftAsync(string xml, CancellationToken cancellationToken = default)
    {
        var context = await ContextAsync(cancellationToken);
        var (document, problems) = checker.Check(xml, context);
        if (document is null || document.Processes.IsEmpty)
        {
            return new SaveDraftResult.Unreadable(problems);
        }

        var tooLong = document.Processes.Where(p => p.Id.Length > MaxProcessIdLength)
            .Select(p => new ValidationProblem(p.Id[..40] + "…", $"The process id is longer than {MaxProcessIdLength} characters; choose a shorter id."))
            .ToImmutableArray();
        if (!tooLong.IsEmpty)
        {
            return new SaveDraftResult.Unreadable(tooLong);
        }

        var hash = ContentHash(xml);
        var now = time.GetUtcNow();
        var existing = new List<DefinitionVersion>();
        var drafts = new List<NewDraft>();
        foreach (var process in document.Processes)
        {
            var same = await FindCurrentWithHashAsync(process.Id, hash, cancellationToken);
            if (same is not null)
            {
                existing.Add(same);
            }
            else
            {
                var name = string.IsNullOrWhiteSpace(process.Name) ? process.Id : process.Name.Trim();
                drafts.Add(new NewDraft(process.Id, name.Length > MaxNameLength ? name[..MaxNameLength] : name, xml, hash, now));
            }
        }

        var added = drafts.Count == 0 ? [] : await store.AddDraftsAsync(drafts, cancellationToken);
        var versions = document.Processes
            .Select(p => added.FirstOrDefault(v => v.ProcessId == p.Id) ?? existing.First(v => v.ProcessId == p.Id))
            .ToImmutableArray();
        return new SaveDraftResult.Saved(versions, problems, added.Count > 0, [.. DeadlockWarnings.Of(document)]);
    }

    /// <summary>Publishes a draft if its file is valid and no newer version was published; see <see cref="PublishResult"/>.</summary>
    public async Task<PublishResult> PublishAsync(string processId, int version, CancellationToken cancellationToken = default)
    {
        var draft = await store.GetAsync(processId, version, cancellationToken);
        if (draft is null)
        {
            return new PublishResult.NotFound();
        }

        if (draft.Status == DefinitionStatus.Published)
        {
            return new PublishResult.AlreadyPublished(draft);
        }

        var latest = await store.GetLatestPublishedAsync(processId, cancellationToken);
        if (latest is not null && latest.ContentHash == draft.ContentHash)
        {
            return new PublishResult.AlreadyPublished(latest);
        }

        if (latest is not null && latest.Version > draft.Version)
        {
            return new PublishResult.Conflict(latest.Version,
                $"Version {latest.Version} of '{processId}' is already published and is newer than draft {version}. " +
                "Save the file again to publish it as a new version.");
        }

        var context = await ContextAsync(cancellationToken);
        var (_, problems) = checker.Check(draft.Xml, context);
        if (!problems.IsEmpty)
        {
            return new PublishResult.Invalid(draft.Info, problems);
        }

        return await store.PublishAsync(processId, version, time.GetUtcNow(), cancellationToken) switch
        {
            StorePublishOutcome.Published published => new PublishResult.Published(published.Version),
            StorePublishOutcome.Outdated outdated => new PublishResult.Conflict(outdated.LatestPublishedVersion,
                $"Someone else published version {outdated.LatestPublishedVersion} of '{processId}' first, so draft {version} was not published. " +
                $"Review version {outdated.LatestPublishedVersion}; if your draft should replace it, save the file again and publish it."),
            _ => new PublishResult.NotFound(),
        };
    }

    /// <summary>What publishing the file would refuse now (the same check as <see cref="PublishAsync"/>), e.g. for a draft reopened in the designer.</summary>
    public async Task<ImmutableArray<ValidationProblem>> CheckAsync(string xml, CancellationToken cancellationToken = default) =>
        checker.Check(xml, await ContextAsync(cancellationToken)).Problems;

    /// <summary>What may go wrong at run time in the file without stopping its publication (none for an unreadable file).</summary>
    public static ImmutableArray<ValidationProblem> WarningsOf(string xml) =>
        new BpmnParser().Parse(xml).Document is { } document ? [.. DeadlockWarnings.Of(document)] : [];

    /// <summary>The version new instances of the process start on; null when none is published.</summary>
    public Task<DefinitionVersion?> GetLatestPublishedAsync(string processId, CancellationToken cancellationToken = default) =>
        store.GetLatestPublishedAsync(processId, cancellationToken);

    /// <summary>A given version, for instances that keep the version they started on.</summary>
    public Task<DefinitionVersion?> GetAsync(string processId, int version, CancellationToken cancellationToken = default) =>
        store.GetAsync(processId, version, cancellationToken);

    public Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        store.ListAsync(cancellationToken);

    public Task<IReadOnlyList<DefinitionVersionInfo>> ListVersionsAsync(string processId, CancellationToken cancellationToken = default) =>
        store.ListVersionsAsync(processId, cancellationToken);

    /// <summary>SHA-256 (lower-case hex) of the text with line endings made <c>\n</c>, so a file saved on another system is the same file.</summary>
    public static string ContentHash(string xml) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml.ReplaceLineEndings("\n"))));

    /// <summary>The host's names, plus every published process as a target of call activities: what a definition may name.</summary>
    public async Task<ValidationContext> ContextAsync(CancellationToken cancellationToken)
    {
        var published = (await store.ListAsync(cancellationToken)).Where(d => d.LatestPublishedVersion is not null).Select(d => d.ProcessId);
        return vocabulary with { CallableProcessIds = vocabulary.CallableProcessIds.Union(published) };
    }

    /// <summary>The latest published version, or a draft newer than it, with this content; old versions do not count.</summary>
    private async Task<DefinitionVersion?> FindCurrentWithHashAsync(string processId, string hash, CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(processId, cancellationToken);
        var latestPublished = versions.FirstOrDefault(v => v.Status == DefinitionStatus.Published)?.Version ?? 0;
        var same = versions.FirstOrDefault(v => v.ContentHash == hash && v.Version >= latestPublished);
        return same is null ? null : await store.GetAsync(processId, same.Version, cancellationToken);
    }
}

/// <summary>What <see cref="DefinitionCatalog.SaveDraftAsync"/> did.</summary>
public abstract record SaveDraftResult
{
    private SaveDraftResult()
    {
    }

    /// <summary>
    /// One version per process of the file, in file order: new drafts, or the existing version with the same content.
    /// <paramref name="Problems"/> are what publishing would refuse now (empty when the file is publishable);
    /// <paramref name="Created"/> is false when every process's content was already stored; <paramref name="Warnings"/> are
    /// what may go wrong at run time but does not stop publishing (<see cref="DeadlockWarnings"/>).
    /// </summary>
    public sealed record Saved(ImmutableArray<DefinitionVersion> Versions, ImmutableArray<ValidationProblem> Problems, bool Created,
        ImmutableArray<ValidationProblem> Warnings) : SaveDraftResult;

    /// <summary>The file is not BPMN the engine can read (or has no process); nothing was stored.</summary>
    public sealed record Unreadable(ImmutableArray<ValidationProblem> Problems) : SaveDraftResult;
}

/// <summary>What <see cref="DefinitionCatalog.PublishAsync"/> did.</summary>
public abstract record PublishResult
{
    private PublishResult()
    {
    }

    public sealed record Published(DefinitionVersion Version) : PublishResult;

    /// <summary>Nothing to do: that version, or one with identical content, is already the published one.</summary>
    public sealed record AlreadyPublished(DefinitionVersion Version) : PublishResult;

    /// <summary>The file has problems; every one is listed and nothing was published.</summary>
    public sealed record Invalid(DefinitionVersionInfo Draft, ImmutableArray<ValidationProblem> Problems) : PublishResult;

    /// <summary>A newer version is published (perhaps concurrently, by someone else); the draft stays a draft.</summary>
    public sealed record Conflict(int LatestPublishedVersion, string Message) : PublishResult;

    public sealed record NotFound : PublishResult;
}
