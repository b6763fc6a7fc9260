using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NspWorkflow.Domain;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Api;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Tasks.Api;

/// <summary>
/// Tasks of the workflows: listed for the people who may see their subject, completed by the role they are assigned to
/// (a shelter's task only by that shelter). Of two completions of one task the first wins; the other gets 409.
/// A completion the workflow refuses (its step cannot go on, e.g. into a call of an unpublished process) gets 422 with the
/// workflow's reason; nothing of it is stored and the task stays open.
/// </summary>
public static class TaskEndpoints
{
    // Titles are keys of the message table (ApiProblems words them in the request's language).

    /// <summary>The title of a refused completion: the user's problem is not the request but the workflow.</summary>
    public const string RefusedTitle = "Api.TaskRefused";

    /// <summary>Another person completed the task first (409).</summary>
    public const string AlreadyCompletedTitle = "TheTaskIsAlreadyCompleted";

    /// <summary>
    /// Other steps of the case kept moving its workflow while this one was stored (409): the task is still open and the
    /// same request may simply be sent again.
    /// </summary>
    public const string ConflictTitle = "Api.TaskConflict";

    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        // A task names its subject (a case's reference): the reader role, which sees counts only, lists none.
        api.MapGet("/tasks", ListAsync).RequireAuthorization(Roles.CaseWork)
            .WithName("ListTasks");
        api.MapGet("/tasks/{id:guid}", GetAsync).WithName("GetTask");
        api.MapPost("/tasks/{id:guid}/complete", CompleteAsync).WithName("CompleteTask");
        return api;
    }

    private static async Task<IResult> ListAsync(string? status, Guid? caseId, ClaimsPrincipal user, TaskQueries queries,
        CancellationToken cancellationToken)
    {
        WaitStatus? only;
        switch (status ?? "open")
        {
            case "open": only = WaitStatus.Open; break;
            case "completed": only = WaitStatus.Completed; break;
            case "cancelled": only = WaitStatus.Cancelled; break;
            case "all": only = null; break;
            default: return ApiProblems.Field("status", RuleViolationCode.Invalid);
        }

        var filter = new TaskFilter(only, caseId is null ? null : TaskResponse.CaseKind, caseId?.ToString());
        var tasks = await queries.ListAsync(filter, user, cancellationToken);
        return TypedResults.Ok(tasks.Select(t => TaskResponse.From(t.Task, t.SubjectReference)).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, TaskCompleter tasks, CancellationToken cancellationToken)
    {
        if (await tasks.FindVisibleAsync(id, user, cancellationToken) is not { } visible)
            return ApiProblems.NotFound();
        visible.Subjects.Audit(user, "task.read", visible.Subject, visible.Task.FormKey);
        await visible.Subjects.SaveAsync(cancellationToken);
        return TypedResults.Ok(TaskResponse.From(visible.Task, visible.Subject.Reference));
    }

    private static async Task<IResult> CompleteAsync(Guid id, TaskCompletionRequest request, ClaimsPrincipal user,
        TaskCompleter completion, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var result = await completion.CompleteAsync(id, user, request.Outcome,
            (form, violations) => form.ReadData(request.Data, json.Value.SerializerOptions, violations), cancellationToken);
        return result.Status switch
        {
            TaskCompletionStatus.Completed => TypedResults.Ok(new TaskCompleted(id, "completed", request.Outcome!)),
            TaskCompletionStatus.NotFound => ApiProblems.NotFound(),
            TaskCompletionStatus.Forbidden => TypedResults.Forbid(),
            TaskCompletionStatus.Invalid => ApiProblems.Violations(result.Violations),
            TaskCompletionStatus.Refused => ApiProblems.Refused(RefusedTitle, result.Reason),
            TaskCompletionStatus.AlreadyCompleted => ApiProblems.Conflict(AlreadyCompletedTitle),
            TaskCompletionStatus.Conflict => ApiProblems.Conflict(ConflictTitle),
            _ => throw new UnreachableException($"Unknown completion status {result.Status}."),
        };
    }
}
