using Hangfire;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Certification;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>What a run of the deadline job sent: reminders, overdue actions, lapses, and the notices found already sent.</summary>
public sealed record CertificationDeadlineRun(int Reminders, int Overdue, int Lapsed, int AlreadySent)
{
    public int Sent => Reminders + Overdue + Lapsed;
}

/// <summary>
/// Once a day, every shelter's certification deadlines: the shelter reminded 60, 30 and 7 days before its certification's
/// last day (and the year's routine check started, which renews it) or an action's deadline; the coordinator told when an action is overdue; and, the day after the last day, the
/// shelter and the coordinator told that the certification has lapsed (the rule itself is the domain's: a shelter not
/// certified on the day applies for nothing). Each notice (deadline and step) is sent once: its row and its mail are stored
/// in one SaveChanges, and the row's unique key turns a second run, here or on another node, into nothing.
/// </summary>
public sealed class CertificationDeadlineJob(NspDbContext db, CertificationDeadlineQuery deadlines, CertificationDeadlineMail mail, RoutineChecks routineChecks,
    TimeProvider time)
{
    public const string JobActor = "certification-deadline-job";
    public const string LapsedAction = "certification.lapsed";

    [AutomaticRetry(Attempts = 3)]
    public async Task<CertificationDeadlineRun> RunAsync(CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(time);
        var due = (await deadlines.AllAsync(cancellationToken))
            .Select(d => (Deadline: d, State: CertificationDeadlines.On(d.Deadline.Date, today)))
            .Where(d => d.State is not DeadlineState.Quiet)
            .ToList();
        if (due.Count == 0)
            return new CertificationDeadlineRun(0, 0, 0, 0);

        // Read first so an ordinary day's run does not lean on failed inserts; the key still settles a race.
        var sent = await SentAsync(due.Min(d => d.Deadline.Deadline.Date), cancellationToken);
        int reminders = 0, overdue = 0, lapsed = 0, already = 0;
        foreach (var (deadline, state) in due)
        {
            // The certification's last day comes near: the year's routine check, which renews it, starts (once a year; a
            // missed 60th day starts it at the 30th).
            if (state is DeadlineState.Reminder && deadline.Deadline.Kind == DeadlineKind.Recertification)
                await routineChecks.StartAsync(deadline.Shelter.Id, today.Year, JobActor, cancellationToken);

            var notice = NoticeOf(deadline.Deadline, StepOf(state));
            if (sent.Contains(Key(notice)) || !await SendAsync(deadline, state, notice, today, cancellationToken))
            {
                already++;
                continue;
            }

            if (state is DeadlineState.Reminder)
                reminders++;
            else if (deadline.Deadline.Kind == DeadlineKind.Action)
                overdue++;
            else
                lapsed++;
        }

        if (reminders + overdue + lapsed > 0)
            mail.Kick();
        return new CertificationDeadlineRun(reminders, overdue, lapsed, already);
    }

    /// <summary>The notice's row, its mail and (for a lapse) its audit entry in one SaveChanges; false when the key says it was sent.</summary>
    private async Task<bool> SendAsync(ShelterDeadline deadline, DeadlineState state, CertificationNoticeRow notice, DateOnly today, CancellationToken cancellationToken)
    {
        db.CertificationNotices.Add(notice);
        switch (state)
        {
            case DeadlineState.Reminder:
                mail.Reminder(deadline, deadline.Deadline.Date.DayNumber - today.DayNumber);
                break;
            case DeadlineState.Passed when deadline.Deadline.Kind == DeadlineKind.Action:
                mail.ActionOverdue(deadline);
                break;
            default:
                mail.Lapsed(deadline);
                db.AuditEntries.Add(AuditEntry.Create(notice.SentAt, JobActor, LapsedAction,
                    $"{deadline.Shelter.Name}: {SwedishCalendar.FormatDay(deadline.Deadline.Date)}"));
                break;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another run stored the same notice a moment ago: its mail went with it. Any other failure is a failure.
            db.ChangeTracker.Clear();
            var key = Key(notice);
            if (await db.CertificationNotices.AnyAsync(n => n.ShelterId == key.ShelterId && n.Kind == key.Kind && n.ActionId == key.ActionId
                    && n.Deadline == key.Deadline && n.Step == key.Step, cancellationToken))
                return false;
            throw;
        }
    }

    private async Task<HashSet<NoticeKey>> SentAsync(DateOnly earliest, CancellationToken cancellationToken) =>
        [.. (await db.CertificationNotices.AsNoTracking().Where(n => n.Deadline >= earliest).ToListAsync(cancellationToken)).Select(Key)];

    private CertificationNoticeRow NoticeOf(CertificationDeadline deadline, int step)
    {
        var now = time.GetUtcNow();
        return new CertificationNoticeRow
        {
            Id = Guid.CreateVersion7(now), ShelterId = deadline.ShelterId, Kind = deadline.Kind.ToString(), ActionId = deadline.ActionId ?? Guid.Empty,
            Deadline = deadline.Date, Step = step, SentAt = now,
        };
    }

    /// <summary>The reminder's days before, or 0 for "passed".</summary>
    private static int StepOf(DeadlineState state) => state is DeadlineState.Reminder reminder ? reminder.DaysBefore : 0;

    private static NoticeKey Key(CertificationNoticeRow n) => new(n.ShelterId, n.Kind, n.ActionId, n.Deadline, n.Step);

    private sealed record NoticeKey(Guid ShelterId, string Kind, Guid ActionId, DateOnly Deadline, int Step);
}

/// <summary>The deadline job every morning at 06:00 Swedish time, before the coordinator's digest counts what has passed.</summary>
internal sealed class CertificationDeadlineRecurringJob : IRecurringJobDefinition
{
    public const string JobId = "certification-deadlines";

    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<CertificationDeadlineJob>(JobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(6),
            new RecurringJobOptions { TimeZone = SwedishCalendar.TimeZone });
}
