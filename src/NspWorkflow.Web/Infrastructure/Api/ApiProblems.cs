using Microsoft.Extensions.Localization;
using NspWorkflow.Domain;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Infrastructure.Api;

/// <summary>
/// Problem details for the API: 422 with a message per field for broken rules (the field as the request names it),
/// 422 naming the workflow's reason when the workflow refused a step, 409 for a task already completed, 404 for what
/// the caller may not see. Titles and messages are keys of the message table, worded in the request's language when the
/// answer is written (Swedish unless the client asks for English); they name only fields, limits, processes and
/// elements, never the submitted values.
/// </summary>
public static class ApiProblems
{
    public const string RulesBrokenTitle = "Api.RulesBroken";
    public const string NotFoundTitle = "Api.NotFound";

    /// <summary>A JSON body that could not be read (400) or taken (422); its errors name the fields.</summary>
    public const string BodyUnreadableTitle = "Api.BodyUnreadable";

    /// <summary>A parameter of the address (the query string) that could not be read; its error names it.</summary>
    public const string ParameterUnreadableTitle = "Api.ParameterUnreadable";

    /// <summary>A request the framework could not read for another reason (no body, another media type).</summary>
    public const string RequestUnreadableTitle = "Api.RequestUnreadable";

    public static IResult Violations(IEnumerable<RuleViolation> violations) =>
        new LocalizedProblem(StatusCodes.Status422UnprocessableEntity, RulesBrokenTitle, null, [.. violations]);

    /// <summary>Violations with another status and title (a body that is not JSON is a 400).</summary>
    public static IResult Violations(IEnumerable<RuleViolation> violations, int status, string titleKey) =>
        new LocalizedProblem(status, titleKey, null, [.. violations]);

    public static IResult Field(string field, RuleViolationCode code, params object[] arguments) =>
        Violations([new RuleViolation(field, code, arguments)]);

    public static IResult NotFound() => Problem(StatusCodes.Status404NotFound, NotFoundTitle);

    /// <summary>
    /// The workflow refused the step and nothing was stored; <paramref name="reason"/> is the engine's message (it names the
    /// process or element, never variable values), as the incident API reports a refused retry.
    /// </summary>
    public static IResult Refused(string titleKey, string? reason) =>
        Problem(StatusCodes.Status422UnprocessableEntity, titleKey, reason);

    public static IResult Conflict(string titleKey) => Problem(StatusCodes.Status409Conflict, titleKey);

    /// <summary>A problem whose title is the message table's <paramref name="titleKey"/> (with its arguments).</summary>
    public static IResult Problem(int status, string titleKey, string? detail = null, params object[] arguments) =>
        new LocalizedProblem(status, titleKey, detail, [], arguments);

    /// <summary>Worded when written, in the language of the request it answers.</summary>
    private sealed class LocalizedProblem(int status, string titleKey, string? detail, IReadOnlyList<RuleViolation> violations,
        object[]? arguments = null) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var services = httpContext.RequestServices;
            var title = services.GetRequiredService<IStringLocalizer<SharedResource>>()[titleKey, arguments ?? []].Value;
            if (violations.Count == 0)
                return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(httpContext);

            var texts = services.GetRequiredService<RuleViolationTexts>();
            return Results.ValidationProblem(
                violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(texts.Message).Distinct().ToArray()),
                statusCode: status, title: title).ExecuteAsync(httpContext);
        }
    }
}
