using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using NspWorkflow.Domain;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Infrastructure.Api;

/// <summary>
/// Answers a request the framework could not bind (it throws, <see cref="ApiJson.AddNspApiJson"/>), in every environment.
/// An API body that is not JSON, is cut off or is nested too deeply is a 400 problem, and one with a field its type does
/// not have or a value of the wrong kind a 422 problem, each naming the field by its JSON path (<see cref="ApiJson.ViolationOf"/>)
/// in the request's language, as a broken rule is; an API parameter of the address that cannot be read is a 422 naming
/// the parameter. Anything else gets its status code (the pages then show their error page for it).
/// </summary>
/// <remarks>
/// The framework's exception quotes what was sent (<c>Failed to bind parameter "Guid? caseId" from "…"</c>), and a JSON
/// reader's names the character it stopped at: neither the exception nor its message is logged, only the parameter's
/// name and the field's path.
/// </remarks>
internal sealed partial class BadRequestMiddleware(RequestDelegate next, IOptions<JsonOptions> json, ILogger<BadRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            var parameter = ParameterOf(exception.Message);
            if (!NspAuthenticationExtensions.IsApiRequest(context.Request))
            {
                LogNotBound(logger, exception.StatusCode, parameter, null);
                await Results.StatusCode(exception.StatusCode).ExecuteAsync(context);
                return;
            }

            if (exception.InnerException is JsonException body)
            {
                var maxDepth = json.Value.SerializerOptions.MaxDepth is > 0 and var depth ? depth : ApiJson.DefaultMaxDepth;
                // The body's type, to word what a field takes (the endpoint's accepted request type).
                var target = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                var violation = ApiJson.ViolationOf(body, target, maxDepth: maxDepth);
                var status = ApiJson.IsUnreadable(violation) ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
                LogNotBound(logger, status, parameter, ApiJson.LoggableField(violation.Field, target));
                await ApiProblems.Violations([violation], status, ApiProblems.BodyUnreadableTitle).ExecuteAsync(context);
                return;
            }

            LogNotBound(logger, exception.StatusCode, parameter, null);
            var answer = exception.StatusCode == StatusCodes.Status400BadRequest && IsFromAddress(exception.Message) && parameter is not null
                ? ApiProblems.Violations([new RuleViolation(parameter, RuleViolationCode.Invalid)], StatusCodes.Status422UnprocessableEntity,
                    ApiProblems.ParameterUnreadableTitle)
                : ApiProblems.Problem(exception.StatusCode, ApiProblems.RequestUnreadableTitle);
            await answer.ExecuteAsync(context);
        }
    }

    /// <summary>The parameter the framework names (<c>"Guid? caseId"</c>: <c>caseId</c>); never the value it quotes after it.</summary>
    private static string? ParameterOf(string message) =>
        NamedParameter().Match(message) is { Success: true } match ? match.Groups["name"].Value : null;

    /// <summary>A value of the route or query string that would not convert (a body's problems come with a JSON exception).</summary>
    private static bool IsFromAddress(string message) => message.StartsWith("Failed to bind parameter", StringComparison.Ordinal)
        || (message.StartsWith("Required parameter", StringComparison.Ordinal) && message.Contains("from query", StringComparison.Ordinal));

    [GeneratedRegex("""^[^"]*parameter "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)" """)]
    private static partial Regex NamedParameter();

    [LoggerMessage(LogLevel.Information, "A request could not be bound ({Status}): parameter {Parameter}, field {Field}.")]
    private static partial void LogNotBound(ILogger logger, int status, string? parameter, string? field);
}
