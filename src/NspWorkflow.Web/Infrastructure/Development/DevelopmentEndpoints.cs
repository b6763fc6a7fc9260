using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Domain;
using NspWorkflow.Web.Infrastructure.Api;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Infrastructure.Development;

public sealed record ClockRequest(int? AdvanceDays);

public sealed record ClockMoved(DateTimeOffset Now, int TimersFired, int ProcessesStarted);

public sealed record WrittenMail(IReadOnlyList<string> To, string Subject, string Text, string Kind, DateTimeOffset CreatedAt, string Status);

/// <summary>
/// Development only: move the app's clock and see the mail the app wrote, so a case can be driven through its periods
/// from the API (the README shows how). Never mapped outside Development.
/// </summary>
public static class DevelopmentEndpoints
{
    public const int MaxAdvanceDays = 400;

    public static RouteGroupBuilder MapDevelopmentEndpoints(this RouteGroupBuilder api)
    {
        // The app's clock and every shelter's mail: the office's, never a shelter's or the reader's, even in Development.
        var dev = api.MapGroup("/dev").WithTags("Development").RequireAuthorization(Roles.Office);
        dev.MapPost("/clock", AdvanceAsync).WithName("AdvanceClock");
        dev.MapGet("/mail", ListMailAsync).WithName("ListWrittenMail");
        return api;
    }

    /// <summary>
    /// Moves the clock one day at a time and fires the timers due after each day, so every reminder goes out on its own
    /// day (as the minute job would have sent it) before the answer comes; so too processes whose timer start event is due.
    /// </summary>
    private static async Task<IResult> AdvanceAsync(ClockRequest request, [Microsoft.AspNetCore.Mvc.FromServices] IAdjustableClock? clock, TimeProvider time,
        TimerSweeper sweeper, ScheduledStartSweeper scheduledStarts, CancellationToken cancellationToken)
    {
        if (clock is null)
            return ApiProblems.Problem(StatusCodes.Status501NotImplemented, "Api.ClockCannotMove");
        if (request.AdvanceDays is not (>= 0 and <= MaxAdvanceDays) || request.AdvanceDays is null)
            return ApiProblems.Field("advanceDays", RuleViolationCode.OutOfRange, 0, MaxAdvanceDays);

        var fired = await SweepAsync(sweeper, cancellationToken);
        var started = (await scheduledStarts.SweepAsync(cancellationToken)).Started;
        for (var day = 0; day < request.AdvanceDays; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            fired += await SweepAsync(sweeper, cancellationToken);
            started += (await scheduledStarts.SweepAsync(cancellationToken)).Started;
        }

        return TypedResults.Ok(new ClockMoved(time.GetUtcNow(), fired, started));
    }

    /// <summary>Sweeps until nothing is due: a fired timer can arm another that is already due.</summary>
    private static async Task<int> SweepAsync(TimerSweeper sweeper, CancellationToken cancellationToken)
    {
        var fired = 0;
        for (var round = 0; round < 100; round++)
        {
            var result = await sweeper.SweepAsync(100, cancellationToken);
            fired += result.Fired;
            if (result.Claimed == 0)
                break;
        }

        return fired;
    }

    private static async Task<IResult> ListMailAsync(NspDbContext db, CancellationToken cancellationToken)
    {
        var mail = await db.OutboxMails.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(mail.Select(m => new WrittenMail(m.To, m.Subject, m.TextBody, m.Kind, m.CreatedAt,
            RequestEnums.Name(m.Status))).ToList());
    }
}
