using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Invoicing;
using NspWorkflow.Web.Tests.Features.Cases;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Invoicing;

/// <summary>
/// The monthly invoice basis job on SQLite and PostgreSQL: a basis per shelter with a line per period part, built once per
/// month whatever runs again, a period shortened after invoicing corrected the next month, each shelter told by mail and
/// seeing only its own basis. Rates of the default tariff: 600 + 600 kr a day in reflection.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InvoiceBasisJobTests(PostgresServer postgres)
{
    private static readonly InvoiceMonth March = new(2026, 3);
    private static readonly InvoiceMonth April = new(2026, 4);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_job_builds_each_shelters_month_once_and_corrects_a_period_shortened_afterwards_the_next_month(DatabaseProvider provider)
    {
        await using var app = await CaseDriver.StartAppAsync(postgres, provider);
        var north = await CaseDriver.StartAsync(app);
        var south = new CaseDriver(app, await app.ApiClientAsync("demo-shelter-2"), north.Coordinator);
        // North: reflection 2–31 March. South: reflection from 17 March, 15 days of it in March.
        var (_, northReference) = await north.ApplyAndAdmitAsync(new DateOnly(2026, 3, 2));
        await north.AdvanceDaysAsync(15);
        var (southCase, southReference) = await south.ApplyAsync(CaseDriver.Application(CaseDriver.ShelterSouth, new DateOnly(2026, 3, 17)));
        await north.CompleteOkAsync(north.Coordinator, southCase, "admission-review", "approve");
        await north.AdvanceDaysAsync(15);
        Assert.Equal(new DateOnly(2026, 4, 1), north.Today);

        var built = Assert.IsType<InvoiceRunResult.Built>(await BuildAsync(app, March));
        Assert.Equal((2, 2, 30 * 1200m + 15 * 1200m), (built.Bases, built.Lines, built.Total));
        var northLine = Assert.Single((await BasisAsync(app, CaseDriver.ShelterNorth, March)).Lines);
        Assert.Equal((northReference, 30, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 31), 36_000m, false),
            (northLine.CaseReference, northLine.Days, northLine.FirstDay, northLine.LastDay, northLine.Total, northLine.IsCorrection));
        var southBasis = await BasisAsync(app, CaseDriver.ShelterSouth, March);
        Assert.Equal((southReference, 15, 18_000m), (southBasis.Lines[0].CaseReference, southBasis.Lines[0].Days, southBasis.Total));

        // Run again (the admin's button, the job's retry): the month's key refuses it and nothing more is written.
        Assert.IsType<InvoiceRunResult.AlreadyBuilt>(await BuildAsync(app, March));
        await using (var db = app.CreateDbContext())
            Assert.Equal(2, await db.InvoiceLines.CountAsync());

        var mail = (await north.MailAsync()).Where(m => m.GetProperty("subject").GetString() == "Fakturaunderlag för 2026-03").ToList();
        Assert.Equal(2, mail.Count);
        // The month and a link: no case and no sum.
        Assert.All(mail, m => Assert.DoesNotMatch(@"NSP-\d{4}|36[  ]?000|18[  ]?000", m.GetProperty("text").GetString()!));

        // The police report with MMM was filed on 25 March and reported in April: the reflection ends that day, and April's
        // basis takes back the 6 days from 26 to 31 March already invoiced.
        var reported = await south.ReportToPoliceAsync(southCase, new DateOnly(2026, 3, 25), mmmGranted: true);
        Assert.True(reported.IsSuccessStatusCode, await reported.Content.ReadAsStringAsync());
        await north.AdvanceDaysAsync(30);
        Assert.IsType<InvoiceRunResult.Built>(await BuildAsync(app, April));
        var correction = Assert.Single((await BasisAsync(app, CaseDriver.ShelterSouth, April)).Lines);
        Assert.Equal((March.Number, true, -6, new DateOnly(2026, 3, 26), -6 * 1200m),
            (correction.CoversMonth, correction.IsCorrection, correction.Days, correction.FirstDay, correction.Total));
        // North's case ended in March and nothing changed: no April basis for North.
        await using (var db = app.CreateDbContext())
            Assert.False(await db.InvoiceBases.AnyAsync(b => b.ShelterId == CaseDriver.ShelterNorth && b.Month == April.Number));

        // A shelter sees its own bases only; the reader none.
        using var shelterUser = await app.SignInAsync("shelter-1");
        var list = await shelterUser.GetStringAsync("/invoices");
        Assert.Contains("Demoboende Nord", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Demoboende Syd", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await shelterUser.GetAsync($"/invoices/{southBasis.Id}")).StatusCode);
        Assert.Contains(northReference, await shelterUser.GetStringAsync($"/invoices/{(await BasisAsync(app, CaseDriver.ShelterNorth, March)).Id}"),
            StringComparison.Ordinal);
        using var reader = await app.SignInAsync("reader");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/invoices")).StatusCode);
    }

    private static async Task<InvoiceRunResult> BuildAsync(NspApp app, InvoiceMonth month)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InvoiceBasisJob>().BuildAsync(month, "test", CancellationToken.None);
    }

    private static async Task<InvoiceBasisRow> BasisAsync(NspApp app, Guid shelter, InvoiceMonth month)
    {
        await using var db = app.CreateDbContext();
        return await db.InvoiceBases.AsNoTracking().Include(b => b.Lines).SingleAsync(b => b.ShelterId == shelter && b.Month == month.Number);
    }
}
