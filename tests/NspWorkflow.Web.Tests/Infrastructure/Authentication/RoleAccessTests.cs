using System.Net;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Infrastructure.Authentication;

[Collection(AppCollection.Name)]
public sealed class RoleAccessTests(SharedApp shared) : IClassFixture<SharedApp>
{
    public static TheoryData<string, string, bool> Access => new()
    {
        { "coordinator", "/inbox", true },
        { "coordinator", "/shelters", true },
        { "coordinator", "/designer", false },
        { "coordinator", "/admin", false },
        { "coordinator", "/hangfire", false },
        { "admin", "/shelters", true },
        { "admin", "/designer", true },
        { "admin", "/admin", true },
        { "admin", "/hangfire", true },
        { "admin", "/inbox", false },
        { "shelter-1", "/cases", true },
        { "shelter-1", "/shelters", false },
        { "shelter-1", "/inbox", false },
        { "shelter-1", "/admin", false },
        { "shelter-1", "/hangfire", false },
        { "reader", "/reports", true },
        { "coordinator", "/reports", true },
        { "admin", "/reports", true },
        { "shelter-1", "/reports", false },
        { "reader", "/reports/period", true },
        { "coordinator", "/reports/period", true },
        { "shelter-1", "/reports/period", false },
        { "reader", "/shelters", false },
        { "reader", "/inbox", false },
        { "reader", "/cases", false },
        { "coordinator", "/invoices", true },
        { "admin", "/invoices", true },
        { "shelter-1", "/invoices", true },
        { "reader", "/invoices", false },
        { "coordinator", "/budget", true },
        { "admin", "/budget", true },
        { "shelter-1", "/budget", false },
        { "reader", "/budget", false },
        { "coordinator", "/shelters/placement", true },
        { "admin", "/shelters/placement", true },
        { "shelter-1", "/shelters/placement", true },
        { "reader", "/shelters/placement", false },
        { "coordinator", "/certification", true },
        { "admin", "/certification", true },
        { "shelter-1", "/certification", true },
        { "reader", "/certification", false },
        { "admin", "/certification/requirements", true },
        { "coordinator", "/certification/requirements", true },
        { "shelter-1", "/certification/requirements", false },
        { "reader", "/certification/requirements", false },
    };

    [Theory]
    [MemberData(nameof(Access))]
    public async Task A_user_reaches_the_pages_of_their_role_and_is_refused_the_others(string user, string path, bool allowed)
    {
        var app = shared.App;
        using var client = await app.SignInAsync(user);

        var response = await client.GetAsync(path);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(path, response.RequestMessage!.RequestUri!.AbsolutePath);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Åtkomst nekad", await response.Content.ReadAsStringAsync());
        }
    }
}
