using NspWorkflow.Web.Infrastructure.BackgroundJobs;

namespace NspWorkflow.Web.Features.Budget;

/// <summary>
/// The budget: the funders' grants and the rules of who pays which month (the administrator's), the cases' commitments kept
/// with each case, and the year's statement per funder that the budget page and every decision page show.
/// </summary>
public static class BudgetModule
{
    public static IServiceCollection AddBudget(this IServiceCollection services)
    {
        services.AddScoped<CaseCommitments>();
        services.AddScoped<CommitmentTotals>();
        services.AddScoped<BudgetQueries>();
        services.AddScoped<BudgetEdits>();
        services.AddSingleton<IRecurringJobDefinition, CommitmentTotalsRecurringJob>();
        return services;
    }
}
