using System.Net;
using System.Text.RegularExpressions;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Cases;

/// <summary>Opens and posts the case and task pages as a browser does: a signed-in session, the page's antiforgery token.</summary>
internal static class PagesClient
{
    /// <summary>The page's text as a user reads it: entities decoded.</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The case references a list page (the inbox) names in its rows' headers, top to bottom.</summary>
    public static List<string> RowReferences(string page) =>
        [.. Regex.Matches(page, "<th scope=\"row\">(NSP-[0-9-]+)</th>").Select(m => m.Groups[1].Value)];

    /// <summary>Opens the task page and returns its HTML (to post with its token later, like a tab left open).</summary>
    public static async Task<string> OpenTaskAsync(HttpClient session, Guid taskId)
    {
        var page = await session.GetAsync($"/tasks/{taskId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    /// <summary>The token inside the task's own form (not the layout's language form): a form without one is refused.</summary>
    public static string TaskFormToken(string pageHtml, Guid taskId)
    {
        var form = Regex.Match(pageHtml, $"<form method=\"post\" action=\"/tasks/{taskId}\".*?</form>", RegexOptions.Singleline);
        Assert.True(form.Success, "The page has the task's form.");
        return NspApp.AntiforgeryToken(form.Value);
    }

    /// <summary>Presses the outcome's button on a task page opened earlier, with the fields filled in.</summary>
    public static Task<HttpResponseMessage> PressAsync(HttpClient session, Guid taskId, string pageHtml, string outcome,
        IReadOnlyDictionary<string, string>? fields = null)
    {
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", TaskFormToken(pageHtml, taskId)),
            new("outcome", outcome),
        };
        values.AddRange(fields ?? new Dictionary<string, string>());
        return session.PostAsync($"/tasks/{taskId}", new FormUrlEncodedContent(values));
    }
}
