using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Domain.Budget;
using NspWorkflow.Web.Features.Budget;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.ScaleBench;

/// <summary>
/// A realistic budget for every year of the generated data, saved as the administrator saves it on the budget page
/// (<see cref="BudgetEdits"/>, audited): the 2021 report's two funders, 600 000 kr of which 450 000 direct support and
/// 2 036 934 kr of which 1 830 000, the first paying from January and the second from July of each year. So the budget
/// page computes two funders' figures over twelve months, as in production, not an empty statement.
/// </summary>
public static class ScaleBudget
{
    public const string First = "Jämställdhetsmyndigheten";
    public const string Second = "Länsstyrelsen";

    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new(NspClaimTypes.Subject, "admin"), new(NspClaimTypes.Name, "Anna Administratör"), new(NspClaimTypes.Role, Roles.Admin)],
        "bench", NspClaimTypes.Name, NspClaimTypes.Role));

    public static async Task WriteAsync(IServiceProvider services, int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var edits = scope.ServiceProvider.GetRequiredService<BudgetEdits>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            Check(await edits.SaveGrantAsync(new Grant(First, year, 600_000m, 450_000m), Admin, cancellationToken));
            Check(await edits.SaveGrantAsync(new Grant(Second, year, 2_036_934m, 1_830_000m), Admin, cancellationToken));
            Check(await edits.SaveRuleAsync($"{year}-01", First, Admin, cancellationToken));
            Check(await edits.SaveRuleAsync($"{year}-07", Second, Admin, cancellationToken));
        }
    }

    private static void Check(IReadOnlyList<Domain.RuleViolation> violations)
    {
        if (violations.Count > 0)
            throw new InvalidOperationException("The budget was refused: " + string.Join(", ", violations.Select(v => $"{v.Field} {v.Code}")));
    }
}
