using NspWorkflow.Web.Infrastructure.Database;

namespace NspWorkflow.Web.Features.Reports;

/// <summary>
/// Reports: the annual report to the funders and the report of any period (interventions, persons, forms of exploitation,
/// countries, shelters, budget), as pages with charts and as CSV and Excel files. Counts only, read from the rows kept for
/// them (<see cref="Data.Reports.CaseReportFactsRow"/>), the commitment rows, the invoice lines, shelters and grants.
/// </summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ReportOptions.FromConfiguration(configuration));
        services.AddScoped<InterventionQueries>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<ReportExports>();
        services.AddScoped<IStartupSeeder, CaseReportFactsBackfill>();
        return services;
    }
}

/// <summary>
/// The reports' settings. <see cref="SuppressBelow"/> (<c>Reports:SuppressBelow</c>, default 3): in the tables about persons a
/// count from 1 to below it is shown as "&lt;N" (and enough other cells hidden that it cannot be computed from the totals).
/// </summary>
public sealed record ReportOptions(int SuppressBelow)
{
    public const int DefaultSuppressBelow = 3;

    public static ReportOptions FromConfiguration(IConfiguration configuration)
    {
        var below = configuration.GetValue("Reports:SuppressBelow", DefaultSuppressBelow);
        // 0 or less would show every count, however small: refused rather than taken as "no protection".
        if (below <= 0)
            throw new InvalidOperationException("Reports:SuppressBelow must be 1 or more (the default is 3).");
        return new ReportOptions(below);
    }
}
