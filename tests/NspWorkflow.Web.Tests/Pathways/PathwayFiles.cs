using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Shelters;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Pathways;

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
        "nsp-motivated-supplement",
    ];

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder { get; } = Path.Combine(RepositoryRoot, "workflows");

    public static string PathOf(string processId) => Path.Combine(Folder, processId + ".bpmn");

    public static string Xml(string processId) => File.ReadAllText(PathOf(processId));

    /// <summary>The app's vocabulary, with the other pathway processes as call targets (as once they are published).</summary>
    public static ValidationContext Context()
    {
        var context = Vocabulary().ToValidationContext();
        return context with { CallableProcessIds = context.CallableProcessIds.Union(ProcessIds) };
    }

    /// <summary>
    /// The app's vocabulary with the stand-in handlers (which name the same handlers as the app's) and the app's own forms.
    /// </summary>
    public static WorkflowVocabulary Vocabulary()
    {
        using var services = new ServiceCollection().AddSingleton<NspWorkflow.Web.Features.Tariffs.TariffCatalog>().AddSingleton(TimeProvider.System)
            .AddSingleton(new CountryNames(new PhysicalFileProvider(Path.Combine(RepositoryRoot, "src", "NspWorkflow.Web", "wwwroot"))))
            .AddSingleton<ShelterLookup>().AddPathwayForms().BuildServiceProvider();
        return new WorkflowVocabulary(new StubCase().Handlers().Select(h => h.Name), services.GetServices<ITaskForm>().Select(f => f.Key));
    }

    /// <summary>The tariffs the app ships with.</summary>
    public static TariffSchedule Tariffs() => new(Directory.EnumerateFiles(Path.Combine(Folder, "tariffs"), "*.json")
        .SelectMany(file => TariffFile.Parse(File.ReadAllText(file)).Tariffs));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NspWorkflow.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("NspWorkflow.sln not found above the test folder.");
    }
}
