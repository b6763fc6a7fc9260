using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>
/// The application page's rules that a browser need not play: only shelter users apply, a draft is its shelter's alone,
/// two saves of one draft give one winner, a typed value that is not a number is named, and a draft holds no readable
/// personal data at rest.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class ApplicationPageTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private NspApp App => shared.App;

    [Theory]
    [InlineData("coordinator")]
    [InlineData("admin")]
    [InlineData("reader")]
    public async Task Only_a_shelter_user_opens_the_application(string user)
    {
        using var session = await App.SignInAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/cases/new")).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_its_shelters_alone_and_of_two_saves_from_one_version_the_second_is_told_it_lost()
    {
        using var shelter = await App.SignInAsync("shelter-1");
        var saved = await SaveDraftAsync(shelter, await shelter.GetStringAsync("/cases/new"), ("Form.BirthYear", "1990"), ("Form.Country", "Rumänien"));
        // The save redirects to the draft's own address, which the session follows.
        Assert.Contains("Utkastet är sparat.", await PagesClient.ReadAsync(saved));
        var draftUrl = saved.RequestMessage!.RequestUri!.PathAndQuery;
        Assert.Matches("^/cases/new\\?draft=[0-9a-f-]{36}$", draftUrl);
        var draftId = Guid.Parse(draftUrl[^36..]);

        using var other = await App.SignInAsync("shelter-2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(draftUrl)).StatusCode);

        // Two tabs opened at the same version: the first save wins, the second keeps its form and is told.
        var page = await shelter.GetStringAsync(draftUrl);
        Assert.Equal(draftUrl, (await SaveDraftAsync(shelter, page, ("Form.BirthYear", "1991"))).RequestMessage!.RequestUri!.PathAndQuery);
        var lost = await SaveDraftAsync(shelter, page, ("Form.BirthYear", "1992"));
        Assert.Equal((HttpStatusCode.OK, "/cases/new?handler=Draft"), (lost.StatusCode, lost.RequestMessage!.RequestUri!.PathAndQuery));
        var lostPage = await PagesClient.ReadAsync(lost);
        Assert.Contains("Utkastet har ändrats eller skickats av någon annan sedan du öppnade det.", lostPage);
        Assert.Contains("value=\"1992\"", lostPage);
        Assert.Contains("value=\"1991\"", await shelter.GetStringAsync(draftUrl));

        // At rest the draft is encrypted: neither the typed year nor the country is readable in the row.
        await using var db = App.CreateDbContext();
        var row = await db.ApplicationDrafts.AsNoTracking().SingleAsync(d => d.Id == draftId);
        Assert.DoesNotContain("1991", row.ProtectedData);
        Assert.DoesNotContain("Rum", row.ProtectedData);
    }

    [Fact]
    public async Task A_birth_year_that_is_not_a_number_is_named_and_kept_and_nothing_is_stored()
    {
        using var shelter = await App.SignInAsync("shelter-2");
        await using var before = App.CreateDbContext();
        var cases = await before.Cases.CountAsync();

        var response = await PostAsync(shelter, await shelter.GetStringAsync("/cases/new"), null, ("Form.BirthYear", "nittonhundra"));

        var page = await PagesClient.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#Form_BirthYear\">Födelseår måste vara ett heltal.</a>", page);
        Assert.Contains("value=\"nittonhundra\"", page);
        Assert.Contains("<a href=\"#Form_PlacementDate\">Placeringsdatum måste anges.</a>", page);
        await using var after = App.CreateDbContext();
        Assert.Equal(cases, await after.Cases.CountAsync());
    }

    private static Task<HttpResponseMessage> SaveDraftAsync(HttpClient session, string page, params (string Name, string Value)[] fields) =>
        PostAsync(session, page, "Draft", fields);

    /// <summary>Posts the form as the page holds it (hidden fields and all), with <paramref name="fields"/> typed over it.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient session, string page, string? handler, params (string Name, string Value)[] fields)
    {
        var values = InputTag().Matches(page).Select(m => m.Value).Where(tag => tag.Contains("type=\"hidden\"", StringComparison.Ordinal))
            .Select(tag => (Name: WebUtility.HtmlDecode(Attribute(tag, "name")), Value: WebUtility.HtmlDecode(Attribute(tag, "value"))))
            // The layout's own forms (language, sign-out) carry hidden fields too: the first of each name is the form's own.
            .DistinctBy(h => h.Name)
            .Where(h => h.Name != "culture" && h.Name != "returnUrl" && !fields.Any(f => f.Name == h.Name))
            .Concat(fields)
            .Select(f => new KeyValuePair<string, string>(f.Name, f.Value));
        return session.PostAsync(handler is null ? "/cases/new" : $"/cases/new?handler={handler}", new FormUrlEncodedContent(values));
    }

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();
}
