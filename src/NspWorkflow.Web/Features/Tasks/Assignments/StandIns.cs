using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Tasks;
using NspWorkflow.Domain;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Tasks.Assignments;

/// <summary>An absence of <see cref="Coordinator"/> covered by <see cref="StandIn"/>, first to last day inclusive.</summary>
public sealed record StandIn(Guid Id, Coordinator Coordinator, Coordinator StandInFor, DateOnly FirstDay, DateOnly LastDay);

/// <summary>What a coordinator asks for: who stands in, from and to which day.</summary>
public sealed record StandInRequest(string? StandIn, DateOnly? FirstDay, DateOnly? LastDay);

/// <summary>
/// Stand-ins: a coordinator names a colleague for an absence, and during it the items handed to the absent coordinator
/// show in the colleague's inbox too. Only the absent coordinator names or removes their stand-in.
/// </summary>
public sealed class StandIns(NspDbContext db, CoordinatorDirectory coordinators, TimeProvider time)
{
    /// <summary>The user's absences that have not ended, and those in which the user stands in for someone.</summary>
    public async Task<(IReadOnlyList<StandIn> Mine, IReadOnlyList<StandIn> Covering)> OfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var me = Subject(user);
        var today = SwedishCalendar.Today(time);
        var rows = await db.StandIns.AsNoTracking()
            .Where(s => (s.Coordinator == me || s.StandIn == me) && s.LastDay >= today)
            .OrderBy(s => s.FirstDay).ToListAsync(cancellationToken);
        return ([.. rows.Where(s => s.Coordinator == me).Select(ToStandIn)], [.. rows.Where(s => s.StandIn == me).Select(ToStandIn)]);
    }

    /// <summary>Whose items the user's inbox shows today: the user's own and those of the coordinators the user stands in for.</summary>
    public async Task<IReadOnlyList<string>> InboxOwnersAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var me = Subject(user);
        var today = SwedishCalendar.Today(time);
        var covered = await db.StandIns.AsNoTracking()
            .Where(s => s.StandIn == me && s.FirstDay <= today && s.LastDay >= today)
            .Select(s => s.Coordinator).Distinct().ToListAsync(cancellationToken);
        return [me, .. covered];
    }

    /// <summary>Names a stand-in for the user's absence; a rule broken names its field and stores nothing.</summary>
    public async Task<IReadOnlyList<RuleViolation>> AddAsync(StandInRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var violations = new List<RuleViolation>();
        var today = SwedishCalendar.Today(time);
        var standIn = await coordinators.FindAsync(request.StandIn, cancellationToken);
        if (string.IsNullOrEmpty(request.StandIn))
            violations.Add(new("standIn", RuleViolationCode.Required));
        else if (standIn is null || standIn.Subject == Subject(user))
            violations.Add(new("standIn", RuleViolationCode.Invalid));
        if (request.FirstDay is null)
            violations.Add(new("firstDay", RuleViolationCode.Required));
        if (request.LastDay is null)
            violations.Add(new("lastDay", RuleViolationCode.Required));
        else if (request.LastDay < today)
            violations.Add(new("lastDay", RuleViolationCode.TooEarly, SwedishCalendar.FormatDay(today)));
        else if (request.FirstDay is { } first && request.LastDay < first)
            violations.Add(new("lastDay", RuleViolationCode.TooEarly, SwedishCalendar.FormatDay(first)));
        if (violations.Count > 0)
            return violations;

        db.StandIns.Add(new StandInRow
        {
            Id = Guid.NewGuid(),
            Coordinator = Subject(user),
            CoordinatorName = user.Actor(),
            StandIn = standIn!.Subject,
            StandInName = standIn.Name,
            FirstDay = request.FirstDay!.Value,
            LastDay = request.LastDay!.Value,
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Ends one of the user's own stand-ins (another's is not found).</summary>
    public async Task<bool> RemoveAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var me = Subject(user);
        return await db.StandIns.Where(s => s.Id == id && s.Coordinator == me).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public static string Subject(ClaimsPrincipal user) => user.FindFirstValue(NspClaimTypes.Subject) ?? "";

    private static StandIn ToStandIn(StandInRow row) =>
        new(row.Id, new Coordinator(row.Coordinator, row.CoordinatorName), new Coordinator(row.StandIn, row.StandInName), row.FirstDay, row.LastDay);
}
