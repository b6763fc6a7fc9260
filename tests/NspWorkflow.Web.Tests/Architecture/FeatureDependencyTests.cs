using System.Text.RegularExpressions;
using NspWorkflow.Web.Tests.Pathways;

namespace NspWorkflow.Web.Tests.Architecture;

/// <summary>
/// The house of the web project, read from its sources: each feature (<c>Features/X</c>), each part of the infrastructure
/// (<c>Infrastructure/X</c>) and the pathways are units, and a unit depends on another when one of its files uses that
/// unit's namespace. Features may use the infrastructure and each other without a cycle; the infrastructure uses no
/// feature; only the pathways (and the host's composition, <c>Program.cs</c>) know the pathways.
/// </summary>
public sealed partial class FeatureDependencyTests
{
    private static readonly string WebFolder = Path.Combine(PathwayFiles.RepositoryRoot, "src", "NspWorkflow.Web");

    [Fact]
    public void The_units_of_the_web_project_depend_on_each_other_without_a_cycle()
    {
        var graph = Dependencies();
        var cycles = graph.Keys.Select(unit => CycleFrom(unit, graph)).OfType<string>().Distinct().ToList();

        Assert.True(cycles.Count == 0, "Cycles: " + string.Join("; ", cycles));
    }

    [Fact]
    public void The_infrastructure_uses_no_feature_and_no_feature_uses_the_pathways()
    {
        var wrong = Dependencies()
            .SelectMany(d => d.Value.Select(target => (From: d.Key, To: target)))
            .Where(d => (d.From.StartsWith("Infrastructure.", StringComparison.Ordinal) && !d.To.StartsWith("Infrastructure.", StringComparison.Ordinal))
                || (d.From.StartsWith("Features.", StringComparison.Ordinal) && d.To == "Pathways"))
            .Select(d => $"{d.From} -> {d.To}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_feature_has_a_module_file()
    {
        var features = Directory.GetDirectories(Path.Combine(WebFolder, "Features")).Select(Path.GetFileName).ToList();

        Assert.Contains("Tasks", features);
        Assert.All(features, feature =>
            Assert.True(File.Exists(Path.Combine(WebFolder, "Features", feature!, feature + "Module.cs"))
                || feature is "Home" or "Reports", $"Features/{feature} has no {feature}Module.cs"));
    }

    /// <summary>Unit to the units its files use (Program.cs, the composition root, is no unit).</summary>
    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.EnumerateFiles(WebFolder, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains("node_modules", StringComparison.Ordinal)))
        {
            var folder = Path.GetRelativePath(WebFolder, Path.GetDirectoryName(file)!).Split(Path.DirectorySeparatorChar);
            if (UnitOf(folder) is not { } unit)
                continue;
            var text = File.ReadAllText(file);
            var used = UsedNamespace().Matches(text).Select(m => UnitOf(m.Groups[1].Value.Split('.')))
                .OfType<string>().Where(u => u != unit);
            if (!graph.TryGetValue(unit, out var targets))
                graph[unit] = targets = [];
            targets.UnionWith(used);
        }

        return graph;
    }

    /// <summary>Features.X, Infrastructure.X or Pathways, from a folder path or the namespace's parts after NspWorkflow.Web.</summary>
    private static string? UnitOf(string[] parts) => parts switch
    {
        ["Features" or "Infrastructure", var name, ..] => $"{parts[0]}.{name}",
        ["Pathways", ..] => "Pathways",
        _ => null,
    };

    private static string? CycleFrom(string start, Dictionary<string, HashSet<string>> graph)
    {
        var path = new Stack<string>();
        return Visit(start);

        string? Visit(string unit)
        {
            if (path.Contains(unit))
                return unit == start ? string.Join(" -> ", path.Reverse().Append(unit)) : null;
            path.Push(unit);
            foreach (var next in graph.GetValueOrDefault(unit) ?? [])
            {
                if (Visit(next) is { } cycle)
                    return cycle;
            }

            path.Pop();
            return null;
        }
    }

    [GeneratedRegex(@"NspWorkflow\.Web\.((?:Features|Infrastructure)\.\w+|Pathways)")]
    private static partial Regex UsedNamespace();
}
