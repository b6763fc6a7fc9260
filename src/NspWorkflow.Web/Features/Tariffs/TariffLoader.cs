using NspWorkflow.Domain;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Features.Workflows;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Tariffs;

/// <summary>
/// The effective-dated tariffs: every <c>*.json</c> in the tariffs folder, read once at start. The folder is
/// <c>Tariffs:Path</c> when set, else <c>tariffs/</c> beside the workflow definitions, else the one the app ships with.
/// A file that breaks a rule stops the start with the file and the JSON path named: paying at a wrong rate is worse
/// than not starting. The problems are worded by the message table in English, the language of the operator's log.
/// </summary>
public static class TariffLoader
{
    public static TariffSchedule Load(IConfiguration configuration, IHostEnvironment environment, MessageTable messages)
    {
        var candidates = Candidates(configuration, environment);
        var folder = candidates.FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException($"No tariffs folder: looked in {string.Join(", ", candidates)}.");

        var tariffs = new List<Tariff>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                tariffs.AddRange(TariffFile.Parse(File.ReadAllText(file)).Tariffs);
            }
            catch (RuleViolationException e)
            {
                throw new InvalidOperationException(
                    $"Tariff file {Path.GetFileName(file)}: {Describe(messages, e.Violations)}", e);
            }
        }

        var violations = TariffSchedule.Validate(tariffs);
        if (tariffs.Count == 0 || violations.Count > 0)
            throw new InvalidOperationException(
                $"The tariffs in {folder} do not form a schedule: {Describe(messages, violations)}");
        return new TariffSchedule(tariffs);
    }

    /// <summary>Each problem named by its JSON path, e.g. <c>tariffs[0].reflection.maxDays is required.</c></summary>
    public static string Describe(MessageTable messages, IEnumerable<RuleViolation> violations) =>
        string.Join(" ", violations.Select(v => RuleViolationTexts.Message(messages, MessageTable.English, v, v.Field)));

    private static List<string> Candidates(IConfiguration configuration, IHostEnvironment environment)
    {
        // A configured tariffs folder is the only one: falling back would pay at rates the operator did not choose.
        if (configuration["Tariffs:Path"] is { Length: > 0 } configured)
            return [Path.GetFullPath(configured, environment.ContentRootPath)];
        var workflows = WorkflowOptions.FromConfiguration(configuration, environment);
        return [.. workflows.Candidates.Concat(WorkflowOptions.ShippedFolders(environment)).Distinct().Select(folder => Path.Combine(folder, "tariffs"))];
    }
}
