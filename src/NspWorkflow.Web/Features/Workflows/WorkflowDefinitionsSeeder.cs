using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Parsing;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Web.Infrastructure.Database;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>
/// At start imports each <c>*.bpmn</c> file of the workflows folder whose processes are all new to the catalog (at the first
/// start every file; later a pathway added to the product, such as <c>nsp-invoice</c>) as drafts and publishes those that
/// validate. A process already stored is never touched: an administrator's versions stand. Files are published in rounds, so a file calling a process of another file is
/// published once that one is. A file that does not validate stays a draft and its problems are logged (element ids
/// and the engine's sentences: definitions hold no personal data).
/// </summary>
internal sealed partial class WorkflowDefinitionsSeeder(
    DefinitionCatalog catalog, WorkflowOptions options, ILogger<WorkflowDefinitionsSeeder> logger) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var stored = (await catalog.ListAsync(cancellationToken)).Select(d => d.ProcessId).ToHashSet(StringComparer.Ordinal);

        var folder = options.ResolveFolder();
        if (folder is null)
        {
            if (stored.Count == 0)
                LogNoFolder(string.Join(", ", options.Candidates));
            return;
        }

        var pending = new List<(string File, DefinitionVersion Draft)>();
        foreach (var path in Directory.GetFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var xml = await File.ReadAllTextAsync(path, cancellationToken);
            if (stored.Count > 0 && new BpmnParser().Parse(xml).Document is { } document
                && document.Processes.Any(p => stored.Contains(p.Id)))
                continue;
            switch (await catalog.SaveDraftAsync(xml, cancellationToken))
            {
                case SaveDraftResult.Unreadable unreadable:
                    LogUnreadable(file, Describe(unreadable.Problems));
                    break;
                case SaveDraftResult.Saved saved:
                    pending.AddRange(saved.Versions.Where(v => v.Status == DefinitionStatus.Draft).Select(v => (file, v)));
                    break;
            }
        }

        // Publish in rounds until nothing more gets published: a call to another file's process resolves once it is.
        var lastProblems = new Dictionary<(string, int), string>();
        bool progress;
        do
        {
            progress = false;
            foreach (var (file, draft) in pending.ToList())
            {
                var result = await catalog.PublishAsync(draft.ProcessId, draft.Version, cancellationToken);
                switch (result)
                {
                    case PublishResult.Published or PublishResult.AlreadyPublished:
                        LogPublished(draft.ProcessId, draft.Version, file);
                        pending.Remove((file, draft));
                        progress = true;
                        break;
                    case PublishResult.Invalid invalid:
                        lastProblems[(draft.ProcessId, draft.Version)] = Describe(invalid.Problems);
                        break;
                    case PublishResult.Conflict conflict:
                        // Another app node imported the same files at the same moment.
                        LogConflict(draft.ProcessId, file, conflict.LatestPublishedVersion);
                        pending.Remove((file, draft));
                        break;
                    default:
                        pending.Remove((file, draft));
                        break;
                }
            }
        } while (progress && pending.Count > 0);

        foreach (var (file, draft) in pending)
            LogInvalid(draft.ProcessId, draft.Version, file, lastProblems.GetValueOrDefault((draft.ProcessId, draft.Version), ""));
    }

    private static string Describe(IEnumerable<ValidationProblem> problems) => string.Join(" | ", problems);

    [LoggerMessage(LogLevel.Information, "No workflows folder found (looked in {Candidates}); no definition imported")]
    private partial void LogNoFolder(string candidates);

    [LoggerMessage(LogLevel.Warning, "Workflow file {File} cannot be read and was not imported: {Problems}")]
    private partial void LogUnreadable(string file, string problems);

    [LoggerMessage(LogLevel.Information, "Imported and published {ProcessId} version {Version} from {File}")]
    private partial void LogPublished(string processId, int version, string file);

    [LoggerMessage(LogLevel.Information, "{ProcessId} from {File} was published by another node first (version {Version})")]
    private partial void LogConflict(string processId, string file, int version);

    [LoggerMessage(LogLevel.Warning, "{ProcessId} version {Version} from {File} has problems and stays a draft: {Problems}")]
    private partial void LogInvalid(string processId, int version, string file, string problems);
}
