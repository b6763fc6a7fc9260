using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Web.Workflows;

namespace NspWorkflow.Web.Cases;

/// <summary>
/// The effective-dated tariffs: every <c>*.json</c> in <c>tariffs/</c> beside the workflow definitions, read once at
/// start. A file that breaks a rule stops the start with the file and the JSON path named: paying at a wrong rate
/// is worse than not starting.
/// </summary>
public static class TariffLoader
{
    public static TariffSchedule Load(WorkflowOptions workflows)
    {
        var folder = workflows.ResolveFolder() is { } root ? Path.Combine(root, "tariffs") : null;
        if (folder is null || !Directory.Exists(folder))
            throw new InvalidOperationException($"No tariffs folder: expected 'tariffs' in one of {string.Join(", ", workflows.Candidates)}.");

        var tariffs = new List<Tariff>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                tariffs.AddRange(TariffFile.Parse(File.ReadAllText(file)).Tariffs);
            }
            catch (Domain.RuleViolationException e)
            {
                throw new InvalidOperationException(
                    $"Tariff file {Path.GetFileName(file)}: {string.Join("; ", e.Violations.Select(TariffFile.Describe))}", e);
            }
        }

        var violations = TariffSchedule.Validate(tariffs);
        if (tariffs.Count == 0 || violations.Count > 0)
            throw new InvalidOperationException(
                $"The tariffs in {folder} do not form a schedule: {string.Join("; ", violations.Select(TariffFile.Describe))}");
        return new TariffSchedule(tariffs);
    }
}
