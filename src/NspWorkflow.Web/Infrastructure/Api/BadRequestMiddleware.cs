using System.Text.Json;
using NspWorkflow.Domain;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Infrastructure.Api;

/// <summary>
/// Answers a request the framework could not bind (it throws, <see cref="ApiJson.AddNspApiJson"/>): an API body with a
/// field its type does not have is a 422 naming the field's JSON path, as a broken rule is; anything else gets its bare
/// status code, as the framework answers when it does not throw (the pages then show their error page for it).
/// </summary>
internal sealed partial class BadRequestMiddleware(RequestDelegate next, ILogger<BadRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // The message names the parameter and the JSON path, never a submitted value.
            LogBadRequest(logger, exception);
            var unknown = NspAuthenticationExtensions.IsApiRequest(context.Request) && exception.InnerException is JsonException json
                ? ApiJson.UnknownField(json)
                : null;
            var answer = unknown is null
                ? Results.StatusCode(exception.StatusCode)
                : ApiProblems.Field(unknown, RuleViolationCode.UnknownField);
            await answer.ExecuteAsync(context);
        }
    }

    [LoggerMessage(LogLevel.Debug, "The request could not be bound.")]
    private static partial void LogBadRequest(ILogger logger, Exception exception);
}
