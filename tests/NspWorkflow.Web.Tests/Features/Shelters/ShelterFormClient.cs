using System.Net;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Shelters;

/// <summary>Fills and posts the shelter form the way a browser does: open the page, take its token, send the fields.</summary>
internal static class ShelterFormClient
{
    /// <summary>A form that breaks no rule; tests change the fields they are about.</summary>
    public static Dictionary<string, string> Valid(string name) => new()
    {
        ["Form.Name"] = name,
        ["Form.Region"] = "Bergslagen",
        ["Form.Women"] = "true",
        ["Form.Men"] = "false",
        ["Form.AccompanyingChildren"] = "true",
        ["Form.ActiveSubstanceAbuse"] = "false",
        ["Form.Places"] = "8",
        ["Form.ContactEmails"] = "kontakt@bergslagen.example\r\nnatt@bergslagen.example",
        ["Form.CertificationStatus"] = "Certified",
        ["Form.CertifiedUntil"] = "2027-02-28",
    };

    /// <summary>A copy of the fields with one changed.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> fields, string key, string value) =>
        new(fields) { [key] = value };

    /// <summary>Opens <paramref name="path"/>, then posts the fields with the page's antiforgery token (and its version, on the edit page).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, string path, IReadOnlyDictionary<string, string> fields, IEnumerable<string>? exploitationForms = null)
    {
        var form = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        return await PostAsync(client, path, html, fields, exploitationForms);
    }

    /// <summary>Posts with the token (and version) of a form page opened earlier, as a user who kept the tab open.</summary>
    public static Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, string formHtml, IReadOnlyDictionary<string, string> fields, IEnumerable<string>? exploitationForms = null)
    {
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", NspApp.AntiforgeryToken(formHtml)) };
        var version = System.Text.RegularExpressions.Regex.Match(formHtml, "name=\"Form.Version\" value=\"([^\"]+)\"");
        if (version.Success && !fields.ContainsKey("Form.Version"))
            values.Add(new("Form.Version", version.Groups[1].Value));
        values.AddRange(fields);
        values.AddRange((exploitationForms ?? ["Sexual", "Labour"]).Select(f => new KeyValuePair<string, string>("Form.ExploitationForms", f)));
        return client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>The page's text as a user reads it: entities decoded.</summary>
    public static async Task<string> ReadPageAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
