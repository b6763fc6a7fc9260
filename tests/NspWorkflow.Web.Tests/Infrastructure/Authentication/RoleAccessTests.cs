using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NspWorkflow.Web.Tests.Features.Cases;
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
        { "coordinator", "/certification/invitations", true },
        { "admin", "/certification/invitations", true },
        { "shelter-1", "/certification/invitations", false },
        { "reader", "/certification/invitations", false },
        { "admin", "/retention", true },
        { "coordinator", "/retention", false },
        { "shelter-1", "/retention", false },
        { "reader", "/retention", false },
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

    /// <summary>
    /// The README's endpoint table as the test of every role's access (issue 21, item 6): each row's endpoints, requested by
    /// every role, refuse (403, or 404 where the table's rows say a thing is not found to them) each role the row does
    /// not name, and let each role it names past the door (pages: no 401 or 403). Requests reach a real case of the North
    /// shelter, its point intervention's receipt and its open review, so a refusal by the role is not mistaken for an
    /// unknown id. A row the README adds without requests in <see cref="EndpointTable.Probes"/> fails.
    /// </summary>
    [Fact]
    public async Task Every_endpoint_of_the_readme_table_refuses_the_roles_its_row_does_not_name()
    {
        await using var app = await NspApp.StartAsync();
        var driver = await CaseDriver.StartAsync(app);
        var (caseId, _) = await driver.ApplyAsync(CaseDriver.Application(driver.Today));
        var submitted = await driver.SubmitPointInterventionAsync(caseId, "clothes", 500m, "Skor");
        var pi = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var receipt = new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4\nKvitto\n%%EOF"));
        Assert.Equal(HttpStatusCode.NoContent,
            (await driver.Shelter.PutAsync($"/api/cases/{caseId}/point-interventions/{pi}/receipt", receipt)).StatusCode);
        var task = await driver.OpenTaskAsync(caseId, "admission-review");

        var rows = EndpointTable.Read();
        Assert.Equal(EndpointTable.Probes.Keys.Order(), rows.Select(r => r.Row).Order());

        var pages = new Dictionary<string, HttpClient>();
        var api = new Dictionary<string, HttpClient>();
        foreach (var role in EndpointTable.AllRoles)
        {
            pages[role] = await app.SignInAsync(role == "shelter" ? "shelter-1" : role);
            api[role] = await app.ApiClientAsync(role == "shelter" ? "demo-shelter-1" : $"demo-{role}");
        }

        var extra = new List<string>();
        foreach (var (row, allowed) in rows)
        {
            foreach (var probe in EndpointTable.Probes[row])
            {
                var path = probe.Path.Replace("{case}", caseId.ToString()).Replace("{pi}", pi.ToString())
                    .Replace("{task}", task.ToString()).Replace("{random}", Guid.NewGuid().ToString());
                foreach (var role in EndpointTable.AllRoles)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(probe.Method), path);
                    if (probe.Body is { } body)
                        request.Content = new StringContent(body, Encoding.UTF8, probe.Method == "PUT" ? "application/pdf" : "application/json");
                    var status = (await (probe.Api ? api : pages)[role].SendAsync(request)).StatusCode;
                    if (!allowed.Contains(role) && status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                        extra.Add($"{role} {probe.Method} {path}: {(int)status} (the README allows {string.Join(", ", allowed)})");
                    if (allowed.Contains(role) && !probe.Api && status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                        extra.Add($"{role} {probe.Method} {path}: {(int)status}, refused although the README allows it");
                }
            }
        }

        foreach (var client in pages.Values.Concat(api.Values))
            client.Dispose();
        Assert.True(extra.Count == 0, "Access beyond the README's table:\n" + string.Join("\n", extra));
    }
}
