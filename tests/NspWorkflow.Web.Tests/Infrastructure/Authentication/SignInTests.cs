using System.Net;
using System.Net.Http.Json;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.DevelopmentIdentity;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Infrastructure.Authentication;

[Collection(AppCollection.Name)]
public sealed class SignInTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("coordinator", "Karin Samordnare", new[] { "Inkorg", "Ärenden", "Fakturaunderlag", "Budget", "Boenden", "Certifiering", "Lediga platser", "Rapporter" })]
    [InlineData("admin", "Anders Administratör", new[] { "Ärenden", "Fakturaunderlag", "Budget", "Boenden", "Certifiering", "Lediga platser", "Designer", "Rapporter", "Incidenter", "Gallring", "Administration" })]
    [InlineData("shelter-1", "Sofia på Demoboende Nord", new[] { "Uppgifter", "Ärenden", "Fakturaunderlag", "Certifiering", "Lediga platser" })]
    [InlineData("shelter-2", "Samir på Demoboende Syd", new[] { "Uppgifter", "Ärenden", "Fakturaunderlag", "Certifiering", "Lediga platser" })]
    [InlineData("reader", "Lena Läsare", new[] { "Rapporter" })]
    public async Task Each_demo_user_signs_in_through_the_code_flow_and_sees_the_navigation_of_their_role(
        string userId, string name, string[] navigation)
    {
        var app = shared.App;
        using var client = await app.SignInAsync(userId);

        var home = await client.GetStringAsync("/");

        Assert.Contains(name, home);
        var shown = System.Text.RegularExpressions.Regex.Matches(home, "<li><a href=\"/[a-z/]+\"[^>]*>([^<]+)</a></li>")
            .Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Equal(navigation, shown);
    }

    [Fact]
    public async Task An_anonymous_page_request_is_sent_to_the_provider_with_pkce()
    {
        var app = shared.App;
        using var client = app.CreateClient();

        var response = await client.GetAsync("/inbox");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/connect/authorize", location.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var app = shared.App;
        using var client = await app.SignInAsync("coordinator");
        var home = await client.GetStringAsync("/");

        var signedOut = await client.PostAsync("/account/sign-out",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = NspApp.AntiforgeryToken(home) }));

        signedOut.EnsureSuccessStatusCode();
        var after = await client.GetAsync("/inbox");
        Assert.Equal("/dev/sign-in", after.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [InlineData("demo-coordinator", "coordinator", null)]
    [InlineData("demo-admin", "admin", null)]
    [InlineData("demo-shelter-1", "shelter", "5e1e7e00-0000-4000-8000-000000000001")]
    [InlineData("demo-shelter-2", "shelter", "5e1e7e00-0000-4000-8000-000000000002")]
    [InlineData("demo-reader", "reader", null)]
    public async Task A_demo_client_gets_a_bearer_token_the_api_accepts(string clientId, string role, string? shelterId)
    {
        var app = shared.App;
        using var client = await app.ApiClientAsync(clientId);

        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");

        Assert.Equal([role], me!.Roles);
        Assert.Equal(shelterId is null ? null : Guid.Parse(shelterId), me.ShelterId);
    }

    [Fact]
    public async Task The_api_answers_401_without_a_token_and_with_a_forged_one()
    {
        var app = shared.App;
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me")).StatusCode);

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_client_secret_gets_no_token()
    {
        var app = shared.App;
        using var client = app.CreateClient();

        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-admin", ["client_secret"] = "wrong", ["scope"] = "nsp-api",
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_does_not_authorize_the_api()
    {
        var app = shared.App;
        using var client = await app.SignInAsync("admin");

        var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Demo_directory_users_and_clients_cover_every_role()
    {
        Assert.Equal(
            NspWorkflow.Web.Infrastructure.Authentication.Roles.All.Order(),
            DemoDirectory.Users.Select(u => u.Role).Distinct().Order());
        Assert.All(DemoDirectory.Users.Where(u => u.Role == "shelter"), u => Assert.NotNull(u.ShelterId));
    }
}
