using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Web.Features.Mail;

namespace NspWorkflow.Web.Tests.Features.Mail;

public sealed class MailOutboxTests
{
    [Fact]
    public async Task Enqueue_commits_only_with_the_callers_save()
    {
        await using var mail = await MailTestServices.WithPickupDirectoryAsync();
        await using (var scope = mail.Services.CreateAsyncScope())
        {
            // The caller's change fails or is abandoned: its mail must not exist either.
            scope.ServiceProvider.GetRequiredService<IMailOutbox>()
                .Enqueue(new OutboxMailDraft(["samordnare@nsp.example"], "Ämne", "Text", "task"));
        }

        Assert.Empty(await mail.AllAsync());
        Assert.Equal(0, await mail.SweepAsync());
    }

    [Theory]
    [InlineData("lisa.berg")]
    [InlineData("lisa.berg@")]
    [InlineData("Lisa Berg <lisa.berg@@nsp.example>")]
    [InlineData("")]
    [InlineData("lisa.berg@nsp.example\nBcc: x@y.example")]
    public async Task An_invalid_recipient_is_refused_naming_the_field_but_not_the_value(string address)
    {
        await using var mail = await MailTestServices.WithPickupDirectoryAsync();
        await using var scope = mail.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();

        var error = Assert.Throws<ArgumentException>(() =>
            outbox.Enqueue(new OutboxMailDraft(["ok@nsp.example", address], "Ämne", "Text", "task")));

        Assert.Equal("To", error.ParamName);
        Assert.DoesNotContain("lisa", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(scope.ServiceProvider.GetRequiredService<NspDbContext>().ChangeTracker.Entries());
    }

    [Fact]
    public async Task A_multi_line_subject_is_refused()
    {
        await using var mail = await MailTestServices.WithPickupDirectoryAsync();
        await using var scope = mail.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();

        var error = Assert.Throws<ArgumentException>(() =>
            outbox.Enqueue(new OutboxMailDraft(["ok@nsp.example"], "Ämne\r\nBcc: x@y.example", "Text", "task")));

        Assert.Equal("Subject", error.ParamName);
        Assert.False(await scope.ServiceProvider.GetRequiredService<NspDbContext>().OutboxMails.AnyAsync());
    }
}
