namespace NspWorkflow.Web.Features.Workflows;

/// <summary>
/// Where the <c>.bpmn</c> files imported at first start are: <c>Workflows:Path</c> (relative to the content root),
/// else <c>&lt;content root&gt;/workflows</c> (the published app, which carries a copy), else the repository's
/// <c>workflows</c> folder two levels up (<c>dotnet run</c> in <c>src/NspWorkflow.Web</c>).
/// </summary>
public sealed class WorkflowOptions
{
    /// <summary>The configured folder (full path), or null when <c>Workflows:Path</c> is not set.</summary>
    public string? ConfiguredPath { get; init; }

    /// <summary>The folders tried in order.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>The first candidate that exists, or null.</summary>
    public string? ResolveFolder() => Candidates.FirstOrDefault(Directory.Exists);

    public static WorkflowOptions FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var root = environment.ContentRootPath;
        var configured = configuration["Workflows:Path"];
        var configuredPath = string.IsNullOrWhiteSpace(configured) ? null : Path.GetFullPath(configured, root);
        // A configured folder is the only one: falling back to another would import files the operator did not choose.
        var candidates = configuredPath is not null ? [configuredPath] : ShippedFolders(environment);
        return new WorkflowOptions { ConfiguredPath = configuredPath, Candidates = candidates };
    }

    /// <summary>Where the app's own <c>workflows</c> folder is: in the published app, else in the repository.</summary>
    public static IReadOnlyList<string> ShippedFolders(IHostEnvironment environment) =>
        [Path.Combine(environment.ContentRootPath, "workflows"), Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "workflows"))];
}
