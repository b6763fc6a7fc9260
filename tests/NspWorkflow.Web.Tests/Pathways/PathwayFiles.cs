using System.Collections.Immutable;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Web.Workflows;

namespace NspWorkflow.Web.Tests.Pathways;

/// <summary>The pathway definitions in the repository's workflows folder, and the context the app validates them with.</summary>
internal static class PathwayFiles
{
    /// <summary>One process per file; the process id is the file name without <c>.bpmn</c>.</summary>
    public static readonly ImmutableArray<string> ProcessIds =
    [
        "nsp-case",
        "nsp-admission",
        "nsp-reflection",
        "nsp-extended",
        "nsp-next-step",
        "nsp-integration",
        "nsp-point-intervention",
    ];

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder { get; } = Path.Combine(RepositoryRoot, "workflows");

    public static string PathOf(string processId) => Path.Combine(Folder, processId + ".bpmn");

    public static string Xml(string processId) => File.ReadAllText(PathOf(processId));

    /// <summary>The app's vocabulary, with the other pathway processes as call targets (as once they are published).</summary>
    public static ValidationContext Context()
    {
        var context = new WorkflowVocabulary().ToValidationContext();
        return context with { CallableProcessIds = context.CallableProcessIds.Union(ProcessIds) };
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NspWorkflow.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("NspWorkflow.sln not found above the test folder.");
    }
}
