using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Web.Tests.Features.Shelters.ShelterFormClient;

namespace NspWorkflow.Web.Tests.Features.Shelters;

/// <summary>
/// The shelter register through the real app, signed in through the real sign-in, on the embedded SQLite. Tests that
/// write nothing, or nothing the others read (a shelter not certified, an edit that keeps its name), share one app; those
/// that move the clock, cover a region, choose English or race an edit start their own.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ShelterPagesTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task The_administrator_sees_the_demo_shelters_with_their_certification_and_the_regions_without_one()
    {
        await using var app = await NspApp.StartAsync();
        using var admin = await app.SignInAsync("admin");

        var response = await admin.GetAsync("/shelters");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ReadPageAsync(response);
        Assert.Contains(">Demoboende Nord</a>", page);
        Assert.Contains(">Demoboende Syd</a>", page);
        Assert.Contains("<td>Kvinnor, Medföljande barn</td>", page);
        Assert.Contains("<span class=\"status ok\">Giltig</span>", page);
        Assert.Contains("href=\"/shelters/new\"", page);
        // Nord and Syd are covered; the other five regions are listed for the annual report.
        var uncovered = page[page.IndexOf("Regioner utan certifierat boende", StringComparison.Ordinal)..];
        foreach (var region in new[] { "Mitt", "Stockholm", "Bergslagen", "Öst", "Väst" })
            Assert.Contains($"<li>{region}</li>", uncovered);
        Assert.DoesNotContain("<li>Nord</li>", uncovered);
        Assert.DoesNotContain("<li>Syd</li>", uncovered);
    }

    [Fact]
    public async Task A_certification_shows_as_expired_the_day_after_its_last_day_in_Sweden()
    {
        await using var app = await NspApp.StartAsync();
        using var admin = await app.SignInAsync("admin");
        // The demo shelters are valid one year from the (fake) start day; move to the day after, Swedish time.
        await using (var db = app.CreateDbContext())
        {
            var lastDay = (await db.Shelters.AsNoTracking().FirstAsync()).CertifiedUntil!.Value;
            app.Clock.SetUtcNow(new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero));
        }

        var page = await admin.GetStringAsync("/shelters");

        Assert.Contains("<span class=\"status bad\">Utgången</span>", page);
        Assert.DoesNotContain("Giltig</span>", page);
        Assert.Contains("<li>Nord</li>", page);
    }

    [Fact]
    public async Task The_administrator_creates_a_shelter_which_the_list_and_the_api_then_show()
    {
        await using var app = await NspApp.StartAsync();
        using var admin = await app.SignInAsync("admin");

        var response = await SubmitAsync(admin, "/shelters/new", Valid("Boende Bergslagen"), ["Begging", "Sexual"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/shelters", response.RequestMessage!.RequestUri!.AbsolutePath);
        var list = await ReadPageAsync(response);
        Assert.Contains("<p class=\"notice\" role=\"status\">Boendet har sparats.</p>", list);
        Assert.Contains(">Boende Bergslagen</a>", list);
        Assert.DoesNotContain("<li>Bergslagen</li>", list);
        // The notice is shown once, not on the next visit.
        Assert.DoesNotContain("Boendet har sparats.", await admin.GetStringAsync("/shelters"));

        await using var db = app.CreateDbContext();
        var saved = await db.Shelters.AsNoTracking().SingleAsync(s => s.Name == "Boende Bergslagen");
        Assert.Equal(Region.Bergslagen, saved.Region);
        Assert.Equal(8, saved.Capacity.Places);
        Assert.Equal([ExploitationForm.Sexual, ExploitationForm.Begging], saved.Capacity.ExploitationForms);
        Assert.Equal(["kontakt@bergslagen.example", "natt@bergslagen.example"], saved.ContactEmails);
        Assert.Equal(new DateOnly(2027, 2, 28), saved.CertifiedUntil);

        using var api = await app.ApiClientAsync("demo-coordinator");
        var shelters = JsonDocument.Parse(await api.GetStringAsync("/api/shelters")).RootElement;
        var listed = shelters.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Boende Bergslagen");
        Assert.Equal("Bergslagen", listed.GetProperty("region").GetString());
        Assert.Equal(8, listed.GetProperty("places").GetInt32());
    }

    [Fact]
    public async Task Bad_input_answers_the_form_with_messages_naming_the_fields_and_writes_nothing()
    {
        var app = shared.App;
        using var admin = await app.SignInAsync("admin");
        var before = await CountAsync(app);
        var fields = Valid("");
        fields["Form.Places"] = "abc";
        fields["Form.ContactEmails"] = "kontakt@boende.example\ninte-en-adress";
        fields["Form.CertifiedUntil"] = "";

        var response = await SubmitAsync(admin, "/shelters/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/shelters/new", response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await ReadPageAsync(response);
        Assert.Contains("role=\"alert\"", page);
        foreach (var message in new[]
                 {
                     "Namn måste anges.",
                     "Antal platser måste vara ett heltal.",
                     "Kontaktadress \"inte-en-adress\" är inte en giltig e-postadress.",
                     "Certifierad till måste anges när boendet är certifierat.",
                 })
        {
            // Once in the summary at the top and once next to the field.
            Assert.Equal(2, Occurrences(page, message));
        }
        Assert.Contains("<a href=\"#Form_Name\">Namn måste anges.</a>", page);
        Assert.Contains("<a href=\"#Form_Places\">Antal platser måste vara ett heltal.</a>", page);
        Assert.Matches("<input[^>]*id=\"Form_Name\"[^>]*aria-invalid=\"true\"|<input[^>]*aria-invalid=\"true\"[^>]*id=\"Form_Name\"", page);
        Assert.Matches("id=\"Form_Places\"[^>]*value=\"abc\"", page);
        Assert.Contains("aria-describedby=\"Form_Places-hint Places-error\"", page);
        Assert.Contains("id=\"Places-error\"", page);
        // What the user typed is still there to correct.
        Assert.Contains("inte-en-adress</textarea>", page);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task Places_out_of_range_no_target_group_and_a_bad_date_are_each_named()
    {
        var app = shared.App;
        using var admin = await app.SignInAsync("admin");
        var before = await CountAsync(app);
        var fields = Valid("Boende Gräns");
        fields["Form.Places"] = "1001";
        fields["Form.Women"] = "false";
        fields["Form.CertifiedUntil"] = "31/02/2027";

        var page = await ReadPageAsync(await SubmitAsync(admin, "/shelters/new", fields));

        Assert.Contains("Antal platser måste vara mellan 0 och 1000.", page);
        Assert.Contains("Ange minst en målgrupp: kvinnor eller män.", page);
        Assert.Contains("Certifierad till måste vara ett datum, till exempel 2026-12-31.", page);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task The_form_is_English_when_the_user_chose_English()
    {
        await using var app = await NspApp.StartAsync();
        using var admin = await app.SignInAsync("admin");
        await NspApp.ChooseEnglishAsync(admin);
        var fields = Valid("");
        fields["Form.Places"] = "-1";

        var page = await ReadPageAsync(await SubmitAsync(admin, "/shelters/new", fields));

        Assert.Contains("Name is required.", page);
        Assert.Contains("Number of places must be between 0 and 1000.", page);
        Assert.Contains("<label for=\"Form_ContactEmails\">Contact addresses</label>", page);
    }

    [Fact]
    public async Task An_uncertified_shelter_needs_neither_a_date_nor_forms_of_exploitation()
    {
        var app = shared.App;
        using var admin = await app.SignInAsync("admin");
        var fields = Valid("Boende under certifiering").With("Form.CertificationStatus", "NotCertified").With("Form.CertifiedUntil", "");

        var response = await SubmitAsync(admin, "/shelters/new", fields, exploitationForms: []);

        Assert.Equal("/shelters", response.RequestMessage!.RequestUri!.AbsolutePath);
        var saved = await ShelterQueries.FindAsync(app, "Boende under certifiering");
        Assert.Empty(saved.Capacity.ExploitationForms);
        Assert.Null(saved.CertifiedUntil);
        Assert.Contains("<span class=\"status\">Ej certifierad</span>", await ReadPageAsync(response));
    }

    [Fact]
    public async Task A_name_another_shelter_has_is_refused_whatever_its_case()
    {
        var app = shared.App;
        using var admin = await app.SignInAsync("admin");
        var before = await CountAsync(app);

        var page = await ReadPageAsync(await SubmitAsync(admin, "/shelters/new", Valid(" demoboende nord ")));

        Assert.Contains("<a href=\"#Form_Name\">Det finns redan ett boende med namnet \"demoboende nord\".</a>", page);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task An_edit_keeps_its_own_name_and_may_not_take_another_shelters()
    {
        var app = shared.App;
        using var admin = await app.SignInAsync("admin");
        var north = await ShelterQueries.FindAsync(app, "Demoboende Nord");

        var same = await SubmitAsync(admin, $"/shelters/{north.Id}", Valid("Demoboende Nord"));
        Assert.Equal("/shelters", same.RequestMessage!.RequestUri!.AbsolutePath);

        var taken = await ReadPageAsync(await SubmitAsync(admin, $"/shelters/{north.Id}", Valid("Demoboende Syd")));
        Assert.Contains("Det finns redan ett boende med namnet \"Demoboende Syd\".", taken);
        Assert.Equal("Demoboende Nord", (await ShelterQueries.FindAsync(app, north.Id)).Name);
    }

    [Fact]
    public async Task The_edit_form_shows_the_saved_values_and_the_coordinator_may_save_it()
    {
        await using var app = await NspApp.StartAsync();
        using var coordinator = await app.SignInAsync("coordinator");
        var south = await ShelterQueries.FindAsync(app, "Demoboende Syd");

        var form = await coordinator.GetStringAsync($"/shelters/{south.Id}");
        Assert.DoesNotContain("aria-describedby=\"\"", form);
        Assert.Contains("value=\"Demoboende Syd\"", form);
        Assert.Contains("<option value=\"Syd\" selected=\"selected\">Syd</option>", form);
        Assert.Matches(">\\s*syd@demoboende.example</textarea>", form);
        Assert.Matches("id=\"Form_ExploitationForms_Begging\"[^>]*checked=\"checked\"", form);
        Assert.DoesNotMatch("id=\"Form_ExploitationForms_Sexual\"[^>]*checked=\"checked\"", form);

        var fields = Valid("Demoboende Syd");
        fields["Form.Region"] = "Vast";
        fields["Form.CertificationStatus"] = "Suspended";
        var response = await PostAsync(coordinator, $"/shelters/{south.Id}", form, fields);

        Assert.Equal("/shelters", response.RequestMessage!.RequestUri!.AbsolutePath);
        var list = await ReadPageAsync(response);
        Assert.Contains("Boendet har sparats.", list);
        Assert.Contains("<td>Väst</td>", list);
        Assert.Contains("<span class=\"status bad\">Avstängd</span>", list);
        var saved = await ShelterQueries.FindAsync(app, south.Id);
        Assert.Equal(Region.Vast, saved.Region);
        Assert.Equal(CertificationStatus.Suspended, saved.CertificationStatus);
        Assert.NotEqual(south.Version, saved.Version);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_the_other_change_stays()
    {
        await using var app = await NspApp.StartAsync();
        using var admin = await app.SignInAsync("admin");
        using var coordinator = await app.SignInAsync("coordinator");
        var north = await ShelterQueries.FindAsync(app, "Demoboende Nord");
        var path = $"/shelters/{north.Id}";
        var adminsForm = await admin.GetStringAsync(path);
        var coordinatorsForm = await coordinator.GetStringAsync(path);

        var first = await PostAsync(coordinator, path, coordinatorsForm, Valid("Demoboende Nord").With("Form.Places", "12"));
        Assert.Equal("/shelters", first.RequestMessage!.RequestUri!.AbsolutePath);

        var stale = await PostAsync(admin, path, adminsForm, Valid("Demoboende Norr").With("Form.Places", "3"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(path, stale.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await ReadPageAsync(stale);
        Assert.Contains("Boendet har ändrats av någon annan sedan du öppnade det. Ladda om sidan och gör om ändringen.", page);
        Assert.Contains("role=\"alert\"", page);
        Assert.Contains($"<a class=\"button secondary\" href=\"{path}\">Öppna boendet med de senaste ändringarna</a>", page);
        var saved = await ShelterQueries.FindAsync(app, north.Id);
        Assert.Equal("Demoboende Nord", saved.Name);
        Assert.Equal(12, saved.Capacity.Places);

        // After reloading, the same change goes through.
        var reloaded = await SubmitAsync(admin, path, Valid("Demoboende Norr").With("Form.Places", "3"));
        Assert.Equal("/shelters", reloaded.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Demoboende Norr", (await ShelterQueries.FindAsync(app, north.Id)).Name);
    }

    [Fact]
    public async Task An_unknown_shelter_is_not_found()
    {
        var app = shared.App;
        using var admin = await app.SignInAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/shelters/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("shelter-1")]
    [InlineData("reader")]
    public async Task Shelter_staff_and_readers_are_refused_the_register(string user)
    {
        var app = shared.App;
        using var client = await app.SignInAsync(user);
        var north = await ShelterQueries.FindAsync(app, "Demoboende Nord");
        var before = await CountAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/shelters")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/shelters/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/shelters/{north.Id}")).StatusCode);
        // A post with the user's own valid token (from a page they may open) is refused too.
        var home = await client.GetStringAsync("/");
        var created = await PostAsync(client, "/shelters/new", home, Valid("Smygboende"));
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        var edited = await PostAsync(client, $"/shelters/{north.Id}", home, Valid("Smygboende").With("Form.Version", north.Version.ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, edited.StatusCode);
        Assert.Equal(before, await CountAsync(app));
        Assert.Equal("Demoboende Nord", (await ShelterQueries.FindAsync(app, north.Id)).Name);
    }

    private static async Task<int> CountAsync(NspApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Shelters.CountAsync();
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
