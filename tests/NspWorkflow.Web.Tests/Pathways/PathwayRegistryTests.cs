using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Features.Workflows;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Pathways;

/// <summary>
/// The pathways as the running app registers them: every definition in <c>workflows/</c> is valid against the names the
/// app provides (its vocabulary is derived from the registered handlers and forms, so it cannot promise what nothing
/// handles), and every form and handler the definitions name is registered once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class PathwayRegistryTests : IClassFixture<SharedApp>
{
    private readonly NspApp app;

    public PathwayRegistryTests(SharedApp shared) => app = shared.App;

    [Fact]
    public void Every_definition_in_the_workflows_folder_is_valid_against_the_apps_registered_names()
    {
        var vocabulary = app.Services.GetRequiredService<IWorkflowVocabulary>().ToValidationContext();
        var files = Directory.EnumerateFiles(PathwayFiles.Folder, "*.bpmn").Order(StringComparer.Ordinal).ToList();
        // Every process of the folder may be called, as once they are all published.
        var processIds = files.SelectMany(f => ProcessId().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToList();
        var context = vocabulary with { CallableProcessIds = [.. processIds] };

        Assert.Contains(files, f => f.EndsWith("nsp-case.bpmn", StringComparison.Ordinal));
        Assert.All(files, file =>
        {
            var problems = new DefinitionChecker().Check(File.ReadAllText(file), context).Problems;
            Assert.True(problems.IsEmpty, $"{Path.GetFileName(file)}: " + string.Join("; ", problems.Select(p => $"{p.ElementId}: {p.Message}")));
        });
    }

    [Fact]
    public void Every_form_and_handler_the_pathways_name_is_registered_once_and_offered_by_the_vocabulary()
    {
        var vocabulary = app.Services.GetRequiredService<IWorkflowVocabulary>().ToValidationContext();
        var forms = app.Services.GetServices<ITaskForm>().Select(f => f.Key).ToList();
        using var scope = app.Services.CreateScope();
        var handlers = scope.ServiceProvider.GetServices<IServiceTaskHandler>().Select(h => h.Name).ToList();

        Assert.Equal(forms.Distinct().Count(), forms.Count);
        Assert.Equal(handlers.Distinct().Count(), handlers.Count);
        Assert.Equal(forms.Order(), vocabulary.Forms.Order());
        Assert.Equal(handlers.Order(), vocabulary.Handlers.Order());
        Assert.Contains("admission-review", forms);
        Assert.Contains("start-reflection", handlers);
        Assert.All(forms, key => Assert.NotNull(app.Services.GetRequiredService<TaskFormRegistry>().Find(key)));
    }

    [GeneratedRegex("<bpmn:process id=\"([^\"]+)\"")]
    private static partial Regex ProcessId();
}
