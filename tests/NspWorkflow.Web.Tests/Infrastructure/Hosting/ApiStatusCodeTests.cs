using System.Net;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Infrastructure.Hosting;

/// <summary>The API keeps its own status codes: the pages' error page must never stand in for them.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiStatusCodeTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task A_forbidden_post_to_the_api_is_403_not_an_error_page()
    {
        using var shelter = await shared.App.ApiClientAsync("demo-shelter-1");

        var response = await shelter.PostAsync("/api/workflows", new StringContent("<x/>", System.Text.Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_plain_404()
    {
        using var coordinator = await shared.App.ApiClientAsync("demo-coordinator");

        var response = await coordinator.PostAsync("/api/no-such-thing", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_still_gets_the_swedish_error_page()
    {
        using var coordinator = await shared.App.SignInAsync("coordinator");

        var response = await coordinator.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", await response.Content.ReadAsStringAsync());
    }
}
