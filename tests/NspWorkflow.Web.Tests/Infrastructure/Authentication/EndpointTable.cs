using System.Text.RegularExpressions;

namespace NspWorkflow.Web.Tests.Infrastructure.Authentication;

/// <summary>One request to an endpoint: its method and path (placeholders filled by the test), a page or the API.</summary>
public sealed record Probe(string Method, string Path, bool Api, string? Body = null)
{
    public static Probe Page(string path) => new("GET", path, false);

    public static Probe Get(string path) => new("GET", path, true);

    public static Probe Post(string path, string body = "{}") => new("POST", path, true, body);

    public static Probe Put(string path) => new("PUT", path, true, "");
}

/// <summary>
/// The README's endpoint table (the section "Endpoints"): each row's first cell, and the roles its second cell names in
/// backticks (none named: every signed-in role). <see cref="Probes"/> mirrors the table with the requests that reach
/// each row's endpoints, so a row added to the README without requests here fails the test, as a stale one does.
/// </summary>
public static partial class EndpointTable
{
    public static readonly string[] AllRoles = ["coordinator", "admin", "shelter", "reader"];

    /// <summary>Placeholders: {case} the North shelter's case, {pi} its point intervention with a receipt, {task} its open review, {random} an unknown id.</summary>
    public static readonly IReadOnlyDictionary<string, Probe[]> Probes = new Dictionary<string, Probe[]>
    {
        ["`/`"] = [Probe.Page("/")],
        ["`/tasks`, `/tasks/{id}`"] = [Probe.Page("/tasks"), Probe.Page("/tasks/{task}")],
        ["`/inbox`"] = [Probe.Page("/inbox")],
        ["`/cases`, `/cases/{id}`"] = [Probe.Page("/cases"), Probe.Page("/cases/{case}"), Probe.Page("/cases/{case}?handler=Receipt&pointIntervention={pi}")],
        ["`/cases/new`"] = [Probe.Page("/cases/new")],
        ["`/invoices`, `/invoices/{id}`"] = [Probe.Page("/invoices"), Probe.Page("/invoices/{random}")],
        ["`/budget`"] = [Probe.Page("/budget")],
        ["`/shelters`"] = [Probe.Page("/shelters")],
        ["`/certification`"] = [Probe.Page("/certification")],
        ["`/certification/{id}`"] = [Probe.Page("/certification/{random}")],
        ["`/certification/invitations`"] = [Probe.Page("/certification/invitations")],
        ["`/certification/invitations/{id}`"] = [Probe.Page("/certification/invitations/{random}")],
        // Open to anyone holding a link; the token is the key, and an unknown one is not found for every role alike.
        ["`/certification/invitation/{token}`"] = [],
        ["`/certification/requirements?year=`"] = [Probe.Page("/certification/requirements")],
        ["`/shelters/placement`"] = [Probe.Page("/shelters/placement")],
        ["`/certification/routine/{id}`"] = [Probe.Page("/certification/routine/{random}")],
        ["`/retention`"] = [Probe.Page("/retention")],
        ["`/reports?year=`"] = [Probe.Page("/reports?year=2026"), Probe.Page("/reports?year=2026&handler=csv"), Probe.Page("/reports?year=2026&handler=xlsx")],
        ["`/reports/period?from=&to=`"] = [Probe.Page("/reports/period?from=2026-03-01&to=2026-03-31")],
        ["`/admin/tariffs`"] = [Probe.Page("/admin/tariffs")],
        ["`/admin/mail`"] = [Probe.Page("/admin/mail")],
        ["`/designer`, `/designer/{processId}`"] = [Probe.Page("/designer"), Probe.Page("/designer/nsp-case")],
        ["`/designer/{processId}/versions`, `/designer/{processId}/compare?from=&to=`"] =
            [Probe.Page("/designer/nsp-case/versions"), Probe.Page("/designer/nsp-case/compare?from=1&to=1")],
        ["`/cases/{id}/workflow`"] = [Probe.Page("/cases/{case}/workflow")],
        ["`/admin/incidents`"] = [Probe.Page("/admin/incidents")],
        ["`/health`"] = [],
        ["`/hangfire`"] = [Probe.Page("/hangfire")],
        ["`/openapi/v1.json`"] = [],
        ["`/api/me`"] = [Probe.Get("/api/me")],
        ["`/api/shelters`"] = [Probe.Get("/api/shelters")],
        ["`/api/shelters/placement`"] = [Probe.Get("/api/shelters/placement")],
        ["`GET /api/workflows`"] = [Probe.Get("/api/workflows")],
        ["`GET /api/workflows/{processId}/versions`"] = [Probe.Get("/api/workflows/nsp-case/versions")],
        ["`POST /api/workflows`"] = [Probe.Post("/api/workflows")],
        ["`POST /api/workflows/{processId}/versions/{version}/publish`"] = [Probe.Post("/api/workflows/nsp-case/versions/999/publish")],
        ["`POST /api/cases`"] = [Probe.Post("/api/cases")],
        ["`GET /api/cases`, `GET /api/cases/{id}`"] = [Probe.Get("/api/cases"), Probe.Get("/api/cases/{case}")],
        ["`POST /api/cases/{id}/messages`"] = [Probe.Post("/api/cases/{case}/messages")],
        ["`POST /api/cases/{id}/point-interventions`"] = [Probe.Post("/api/cases/{case}/point-interventions")],
        ["`POST /api/cases/{id}/children`"] = [Probe.Post("/api/cases/{case}/children")],
        ["`POST /api/cases/{id}/children/{index}/left`"] = [Probe.Post("/api/cases/{case}/children/0/left")],
        ["`POST /api/cases/{id}/public-pays`"] = [Probe.Post("/api/cases/{case}/public-pays")],
        ["`POST /api/cases/{id}/motivated-supplement`"] = [Probe.Post("/api/cases/{case}/motivated-supplement")],
        ["`PUT`, `GET /api/cases/{id}/point-interventions/{pid}/receipt`"] =
            [Probe.Put("/api/cases/{case}/point-interventions/{pi}/receipt"), Probe.Get("/api/cases/{case}/point-interventions/{pi}/receipt")],
        ["`GET /api/tasks?status=open&caseId=`"] = [Probe.Get("/api/tasks"), Probe.Get("/api/tasks?status=all&caseId={case}")],
        ["`POST /api/tasks/{id}/complete`"] = [Probe.Post("/api/tasks/{task}/complete")],
        ["`GET /api/workflows/incidents`, `POST /api/workflows/instances/{id}/retry`"] =
            [Probe.Get("/api/workflows/incidents"), Probe.Post("/api/workflows/instances/{random}/retry")],
        ["`POST /api/dev/clock`, `GET /api/dev/mail`"] = [Probe.Get("/api/dev/mail"), Probe.Post("/api/dev/clock", "{\"advanceDays\": 0}")],
    };

    /// <summary>The README's rows: first cell, and the roles allowed.</summary>
    public static IReadOnlyList<(string Row, IReadOnlyList<string> Roles)> Read()
    {
        var text = File.ReadAllText(ReadmePath());
        var start = text.IndexOf("\n## Endpoints", StringComparison.Ordinal);
        var end = text.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        var rows = new List<(string, IReadOnlyList<string>)>();
        foreach (var line in text[start..end].Split('\n'))
        {
            if (!line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("| path", StringComparison.Ordinal)
                || line.StartsWith("| ---", StringComparison.Ordinal))
                continue;
            var cells = line.Split(" | ");
            var named = RoleName().Matches(cells[1]).Select(m => m.Groups[1].Value).Where(AllRoles.Contains).Distinct().ToList();
            rows.Add((cells[0][2..], named.Count > 0 ? named : AllRoles));
        }

        return rows;
    }

    private static string ReadmePath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NspWorkflow.sln")))
                return Path.Combine(directory.FullName, "README.md");
        }

        throw new FileNotFoundException("The repository's README.md was not found above the test's folder.");
    }

    [GeneratedRegex("`([a-z]+)`")]
    private static partial Regex RoleName();
}
