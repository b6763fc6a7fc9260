using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.BackgroundJobs;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Tasks;

/// <summary>
/// <c>Program:CoordinatorEmails</c>: where the coordinator's daily digest goes (none: no digest), and the hour in
/// Sweden it is written.
/// </summary>
public sealed record CoordinatorDigestOptions(IReadOnlyList<string> Addresses, int Hour)
{
    public static CoordinatorDigestOptions FromConfiguration(IConfiguration configuration)
    {
        var addresses = configuration.GetSection("Program:CoordinatorEmails").Get<string[]>() ?? [];
        var hour = configuration.GetValue("Program:DigestHour", 7);
        if (hour is < 0 or > 23)
            throw new InvalidOperationException("Program:DigestHour must be between 0 and 23.");
        return new CoordinatorDigestOptions([.. addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())], hour);
    }
}

/// <summary>
/// Once a day, one mail to the coordinator listing the approvals waiting: case reference, kind of task and since when;
/// and how many certification deadlines have passed (overdue actions, lapsed certifications), with the link to them.
/// Nothing about the people. Written at most once per day (in Sweden), however often the job runs, and not when there is
/// nothing to say.
/// </summary>
public sealed class CoordinatorDigestJob(NspDbContext db, TaskQueries tasks, TaskFormRegistry forms, IPassedDeadlines passedDeadlines, MessageTable texts,
    IMailOutbox outbox, IMailKick kick, CoordinatorDigestOptions options, AppOptions app, TimeProvider time)
{
    public const string Kind = "digest";
    /// <summary>The subject's key in the message table; the digest is written in Swedish.</summary>
    public const string Subject = "Mail.Digest.Subject";

    [AutomaticRetry(Attempts = 3)]
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        if (options.Addresses.Count == 0)
            return false;
        var today = SwedishCalendar.Today(time);
        var since = SwedishCalendar.At(today, TimeOnly.MinValue).ToUniversalTime();
        if (await db.OutboxMails.AnyAsync(m => m.Kind == Kind && m.CreatedAt >= since, cancellationToken))
            return false;

        var waiting = await tasks.WaitingForAsync(Roles.Coordinator, int.MaxValue, cancellationToken);
        var passed = await passedDeadlines.PassedCountAsync(today, cancellationToken);
        if (waiting.Count == 0 && passed == 0)
            return false;

        var body = new StringBuilder();
        if (waiting.Count > 0)
        {
            body.AppendLine(Swedish(waiting.Count == 1 ? "Mail.Digest.CountOne" : "Mail.Digest.CountMany", waiting.Count)).AppendLine();
            foreach (var task in waiting)
            {
                body.AppendLine(Swedish("Mail.Digest.Line", task.SubjectReference ?? Swedish("Mail.Digest.UnknownCase"),
                    Swedish(forms.LabelOf(task.Task.FormKey)), SwedishCalendar.ToSwedish(task.Task.CreatedAt).ToString("yyyy-MM-dd")));
            }

            body.AppendLine().AppendLine(Swedish("Mail.Digest.Inbox", new Uri(app.PublicUrl, "inbox")));
        }

        if (passed > 0)
            body.AppendLine(Swedish("Mail.CertificationDeadline.Digest", passed, new Uri(app.PublicUrl, "certification")));
        outbox.Enqueue(new OutboxMailDraft(options.Addresses, Swedish(Subject), body.ToString(), Kind));
        await db.SaveChangesAsync(cancellationToken);
        kick.Kick();
        return true;
    }

    private string Swedish(string key, params object?[] arguments) => texts.Text(key, MessageTable.Swedish, arguments);
}

/// <summary>The digest every morning at the configured hour, Swedish time.</summary>
internal sealed class CoordinatorDigestRecurringJob(CoordinatorDigestOptions options) : IRecurringJobDefinition
{
    public const string JobId = "coordinator-digest";

    public void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<CoordinatorDigestJob>(JobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(options.Hour),
            new RecurringJobOptions { TimeZone = SwedishCalendar.TimeZone });
}
