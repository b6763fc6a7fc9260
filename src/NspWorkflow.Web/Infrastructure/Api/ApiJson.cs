using System.Text.Json;
using System.Text.Json.Serialization;

namespace NspWorkflow.Web.Infrastructure.Api;

/// <summary>
/// How the API reads JSON: enum values by name, and no field the request does not have. A misspelt field would otherwise
/// be dropped without a word and its value lost; instead the request is refused with 422 naming the field's JSON path
/// (<see cref="BadRequestMiddleware"/> for bodies, the task forms for a completion's <c>data</c>).
/// </summary>
public static class ApiJson
{
    // System.Text.Json says an unknown member only in its message (JsonUnmappedMemberHandling.Disallow); the tests that
    // expect a 422 naming the field would fail should its wording change.
    private const string UnmappedMemberMessage = "could not be mapped to any .NET member";

    public static IServiceCollection AddNspApiJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        // Only in the exception does the framework say what was wrong with a body; without it, a bare 400 in production.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Answers the requests the framework could not bind; after the request's language is chosen, as it words the answer.</summary>
    public static IApplicationBuilder UseNspBadRequests(this IApplicationBuilder app) => app.UseMiddleware<BadRequestMiddleware>();

    /// <summary>
    /// The field that <paramref name="exception"/> found unknown, as the API names fields (<c>children[0].birthYear</c>),
    /// under <paramref name="parent"/> when the JSON read was a part of the request (<c>data</c>); null for any other problem.
    /// </summary>
    public static string? UnknownField(JsonException exception, string? parent = null)
    {
        if (!exception.Message.Contains(UnmappedMemberMessage, StringComparison.Ordinal) || exception.Path is not { } path
            || !path.StartsWith('$') || path.Length == 1)
            return null;

        var field = path[1..].TrimStart('.');
        return parent is null ? field : field.StartsWith('[') ? parent + field : $"{parent}.{field}";
    }
}
