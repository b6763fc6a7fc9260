using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Outbox;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Mail.Pages;

/// <summary>One line of the administrator's mail list; the body is only read on the detail page.</summary>
public sealed record OutboxMailRow(
    Guid Id, DateTimeOffset CreatedAt, string Kind, IReadOnlyList<string> To, string Subject,
    OutboxMailStatus Status, int Attempts, string? LastError);

/// <summary>/admin/mail: the newest outgoing mail, with what went wrong and a way to send it again.</summary>
[Authorize(Roles.Admin)]
public sealed class IndexModel(NspDbContext db, IMailOutbox outbox, IMailKick kick) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<OutboxMailRow> Mails { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool? Resent { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Mails = await db.OutboxMails.AsNoTracking()
            .OrderByDescending(m => m.CreatedAt)
            .Take(Shown)
            .Select(m => new OutboxMailRow(m.Id, m.CreatedAt, m.Kind, m.To, m.Subject, m.Status, m.Attempts, m.LastError))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        var resent = await outbox.ResendAsync(id, cancellationToken);
        if (resent)
            kick.Kick();
        return RedirectToPage(new { resent });
    }
}
