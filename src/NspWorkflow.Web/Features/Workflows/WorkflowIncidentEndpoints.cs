using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>An open incident: where an instance stopped and the engine's message. Never the instance's variables.</summary>
public sealed record WorkflowIncident(Guid Id, Guid InstanceId, string ProcessId, string ElementId, string Message, DateTimeOffset At)
{
    public static WorkflowIncident From(OpenIncident i) => new(i.Id, i.InstanceId, i.ProcessId, i.ElementId, i.Message, i.At);
}

/// <summary>The fix an administrator sends with a retry: variables to set before the failed elements run again.</summary>
public sealed record WorkflowRetryRequest(Dictionary<string, JsonElement>? Variables);

/// <summary>What a retry did, and where the instance stands afterwards (still <c>Incident</c> when it failed again).</summary>
public sealed record WorkflowRetried(Guid InstanceId, EngineOutcome Outcome, InstanceStatus Status, int OpenIncidents);

/// <summary>Administrators' JSON API for incidents: list the open ones, retry an instance.</summary>
public static class WorkflowIncidentEndpoints
{
    /// <summary>The list is for people to work through; more than this at once means something else is wrong.</summary>
    public const int MaxListed = 500;

    public static RouteGroupBuilder MapWorkflowIncidentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflows").RequireAuthorization(Roles.Admin);

        group.MapGet("/incidents", async (WorkflowIncidentQueries incidents, CancellationToken cancellationToken) =>
                (await incidents.ListOpenAsync(MaxListed, cancellationToken)).Select(WorkflowIncident.From).ToList())
            .WithName("ListWorkflowIncidents");

        group.MapPost("/instances/{id:guid}/retry", RetryAsync)
            .WithName("RetryWorkflowInstance");

        return api;
    }

    private static async Task<Results<Ok<WorkflowRetried>, ProblemHttpResult>> RetryAsync(
        Guid id, WorkflowRetryRequest? body, ClaimsPrincipal user, IncidentRetry retry, WorkflowIncidentQueries incidents,
        CancellationToken cancellationToken)
    {
        var variables = body?.Variables?.ToDictionary(v => v.Key, v => (object?)v.Value);
        var result = await retry.RetryAsync(id, variables, user, cancellationToken);
        switch (result.Outcome)
        {
            case EngineOutcome.Retried:
                var status = await incidents.StatusAsync(id, cancellationToken)
                    ?? throw new InvalidOperationException("A retried instance is missing.");
                return TypedResults.Ok(new WorkflowRetried(id, result.Outcome, status.Status, status.OpenIncidents));
            case EngineOutcome.NotFound:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such instance.");
            case EngineOutcome.NoIncident:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The instance has nothing to retry.");
            case EngineOutcome.Conflict:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The instance kept changing; try again.");
            default:
                // Refused: the variables cannot be used (the message names the variable, never its value), variables
                // sent for failed timers only, or the retried element leads into a call of a process not published.
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "The retry was refused.", detail: result.Message);
        }
    }
}
