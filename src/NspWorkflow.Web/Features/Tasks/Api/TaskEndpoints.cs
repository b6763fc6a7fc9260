using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Domain;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Web.Cases.Api;

/// <summary>
/// Tasks of the case processes: listed for the people who may see their case, completed by the role they are assigned
/// to (a shelter's task only by that shelter). Of two completions of one task the first wins; the other gets 409.
/// A completion the workflow refuses (its step cannot go on, e.g. into a call of an unpublished process) gets 422 with the
/// workflow's reason; nothing of it is stored and the task stays open.
/// </summary>
public static class TaskApi
{
    /// <summary>The title of a refused completion: the user's problem is not the request but the workflow.</summary>
    public const string RefusedTitle = "Arbetsflödet avvisade steget. Uppgiften slutfördes inte och ingenting sparades.";

    /// <summary>Another person completed the task first (409).</summary>
    public const string AlreadyCompletedTitle = "Uppgiften är redan slutförd.";

    /// <summary>
    /// Other steps of the case kept moving its workflow while this one was stored (409): the task is still open and the
    /// same request may simply be sent again.
    /// </summary>
    public const string ConflictTitle = "Ärendet ändrades samtidigt av något annat. Uppgiften slutfördes inte och ingenting sparades; försök igen.";

    public static RouteGroupBuilder MapTaskApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tasks", ListAsync).WithName("ListTasks");
        api.MapGet("/tasks/{id:guid}", GetAsync).WithName("GetTask");
        api.MapPost("/tasks/{id:guid}/complete", CompleteAsync).WithName("CompleteTask");
        return api;
    }

    private static async Task<IResult> ListAsync(string? status, Guid? caseId, ClaimsPrincipal user, NspDbContext db,
        CancellationToken cancellationToken)
    {
        var query = db.WorkflowTasks.AsNoTracking().Where(t => t.BusinessKey != null);
        switch (status ?? "open")
        {
            case "open": query = query.Where(t => t.Status == WaitStatus.Open); break;
            case "completed": query = query.Where(t => t.Status == WaitStatus.Completed); break;
            case "cancelled": query = query.Where(t => t.Status == WaitStatus.Cancelled); break;
            case "all": break;
            default: return CaseProblems.Field("status", RuleViolationCode.Invalid);
        }

        if (caseId is { } id)
        {
            var key = id.ToString();
            query = query.Where(t => t.BusinessKey == key);
        }

        // A shelter sees the tasks of its own cases only.
        if (CaseAccess.OnlyShelter(user) is { } shelterId)
        {
            var organisation = shelterId.ToString();
            query = query.Where(t => t.OrganisationId == organisation);
        }

        var tasks = await query.OrderBy(t => t.CreatedAt).Take(1000).ToListAsync(cancellationToken);
        var references = await CaseReferences.ByBusinessKeyAsync(db, tasks.Select(t => t.BusinessKey), cancellationToken);
        return TypedResults.Ok(tasks.Select(t => TaskResponse.From(t, references.GetValueOrDefault(t.BusinessKey!))).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, TaskCompletion tasks, CaseWorkspace workspace,
        CancellationToken cancellationToken)
    {
        if (await tasks.FindVisibleAsync(id, user, cancellationToken) is not { } visible)
            return CaseProblems.NotFound();
        var (task, found) = visible;
        workspace.Audit(CaseAccess.Actor(user), "task.read", found, task.FormKey);
        await workspace.SaveAsync(cancellationToken);
        return TypedResults.Ok(TaskResponse.From(task, found.Reference));
    }

    private static async Task<IResult> CompleteAsync(Guid id, TaskCompletionRequest request, ClaimsPrincipal user,
        TaskCompletion completion, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var violations = new List<RuleViolation>();
        var data = TaskForms.ReadData(request.Data, json.Value.SerializerOptions, violations);
        if (violations.Count > 0)
            return CaseProblems.Violations(violations);

        var result = await completion.CompleteAsync(id, user, request.Outcome, data, cancellationToken);
        return result.Status switch
        {
            TaskCompletionStatus.Completed => TypedResults.Ok(new TaskCompleted(id, "completed", request.Outcome!)),
            TaskCompletionStatus.NotFound => CaseProblems.NotFound(),
            TaskCompletionStatus.Forbidden => TypedResults.Forbid(),
            TaskCompletionStatus.Invalid => CaseProblems.Violations(result.Violations),
            TaskCompletionStatus.Refused => CaseProblems.Refused(RefusedTitle, result.Reason),
            TaskCompletionStatus.AlreadyCompleted => CaseProblems.Conflict(AlreadyCompletedTitle),
            TaskCompletionStatus.Conflict => CaseProblems.Conflict(ConflictTitle),
            _ => throw new UnreachableException($"Unknown completion status {result.Status}."),
        };
    }
}
