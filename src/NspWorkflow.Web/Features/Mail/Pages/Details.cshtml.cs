using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Outbox;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Mail.Pages;

/// <summary>/admin/mail/{id}: one mail with its text, as the recipient gets it (or would have).</summary>
[Authorize(Roles.Admin)]
public sealed class DetailsModel(NspDbContext db, IMailOutbox outbox, IMailKick kick) : PageModel
{
    public OutboxMail Mail { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public bool? Resent { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var mail = await db.OutboxMails.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mail is null)
            return NotFound();
        Mail = mail;
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.OutboxMails.AnyAsync(m => m.Id == id, cancellationToken))
            return NotFound();
        var resent = await outbox.ResendAsync(id, cancellationToken);
        if (resent)
            kick.Kick();
        return RedirectToPage(new { id, resent });
    }
}
