using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NspWorkflow.Data;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Authentication;

namespace NspWorkflow.Web.Cases.Api;

/// <summary>
/// Tasks of the case processes: listed for the people who may see their case, completed by the role they are assigned
/// to (a shelter's task only by that shelter). Of two completions of one task the first wins; the other gets 409.
/// </summary>
public static class TaskApi
{
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
        var references = await ReferencesAsync(db, tasks, cancellationToken);
        return TypedResults.Ok(tasks.Select(t => TaskResponse.From(t, references.GetValueOrDefault(t.BusinessKey!))).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, NspDbContext db, CancellationToken cancellationToken)
    {
        var task = await db.WorkflowTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !await CanSeeAsync(user, db, task, cancellationToken))
            return CaseProblems.NotFound();
        var references = await ReferencesAsync(db, [task], cancellationToken);
        return TypedResults.Ok(TaskResponse.From(task, references.GetValueOrDefault(task.BusinessKey!)));
    }

    private static async Task<IResult> CompleteAsync(Guid id, TaskCompletionRequest request, ClaimsPrincipal user, NspDbContext db,
        CaseWorkspace workspace, WorkflowEngine engine, IInstanceStore instances, TariffSchedule tariffs, IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var task = await db.WorkflowTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !Guid.TryParse(task.BusinessKey, out var caseId))
            return CaseProblems.NotFound();
        var found = await workspace.LoadAsync(caseId, cancellationToken);
        if (found is null || !CaseAccess.CanRead(user, found))
            return CaseProblems.NotFound();
        if (!MayComplete(user, task, found.ShelterId))
            return TypedResults.Forbid();
        if (task.Status != WaitStatus.Open)
            return AlreadyDone();

        var violations = new List<RuleViolation>();
        var outcome = request.Outcome ?? "";
        if (!TaskForms.Outcomes(task.FormKey).Contains(outcome))
            violations.Add(new("outcome", request.Outcome is null ? RuleViolationCode.Required : RuleViolationCode.Invalid));
        var data = TaskForms.ReadData(request.Data, json.Value.SerializerOptions, violations);
        if (violations.Count > 0)
            return CaseProblems.Violations(violations);

        var pointInterventionId = task.FormKey == "point-intervention-review"
            ? await PointInterventionOfAsync(instances, task.InstanceId, cancellationToken)
            : null;
        var change = TaskForms.Prepare(task.FormKey!, outcome, data, pointInterventionId, tariffs, violations);
        if (violations.Count > 0)
            return CaseProblems.Violations(violations);
        if (change is not null)
        {
            try
            {
                workspace.Change(caseId, change);
            }
            catch (RuleViolationException e)
            {
                return CaseProblems.Violations(e.Violations.Select(v => v with { Field = DataField(v.Field) }));
            }
        }

        var actor = CaseAccess.Actor(user);
        workspace.Audit(actor, "task.complete", found, $"{task.FormKey}:{outcome}");
        var result = await engine.CompleteTaskAsync(id, outcome, null, actor, cancellationToken);
        return result.Outcome switch
        {
            EngineOutcome.Completed => TypedResults.Ok(new TaskCompleted(id, "completed", outcome)),
            EngineOutcome.NotFound => CaseProblems.NotFound(),
            _ => AlreadyDone(),
        };
    }

    private static IResult AlreadyDone() => CaseProblems.Conflict("Uppgiften är redan slutförd.");

    /// <summary>A coordinator's task by the coordinator, a shelter's task by a user of that shelter.</summary>
    private static bool MayComplete(ClaimsPrincipal user, WorkflowTaskRow task, Guid shelterId) => task.AssigneeRole switch
    {
        Roles.Coordinator => user.IsInRole(Roles.Coordinator),
        Roles.Shelter => CaseAccess.IsShelterOf(user, shelterId),
        _ => false,
    };

    private static async Task<bool> CanSeeAsync(ClaimsPrincipal user, NspDbContext db, WorkflowTaskRow task, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(task.BusinessKey, out var caseId))
            return false;
        var shelterId = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => (Guid?)c.ShelterId).SingleOrDefaultAsync(cancellationToken);
        return shelterId is { } s && CaseAccess.CanRead(user, s);
    }

    private static async Task<Dictionary<string, string>> ReferencesAsync(NspDbContext db, IReadOnlyList<WorkflowTaskRow> tasks,
        CancellationToken cancellationToken)
    {
        var ids = tasks.Select(t => Guid.TryParse(t.BusinessKey, out var id) ? id : Guid.Empty).Distinct().ToList();
        return await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id.ToString(), c => c.Reference, cancellationToken);
    }

    private static async Task<Guid?> PointInterventionOfAsync(IInstanceStore instances, Guid instanceId, CancellationToken cancellationToken) =>
        await instances.LoadAsync(instanceId, cancellationToken) is { } state
        && state.Variables.TryGetValue("pointInterventionId", out var value)
        && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)
            ? id
            : null;

    /// <summary>The domain names the case's field; the request carries it under <c>data</c> (the outcome stays itself).</summary>
    private static string DataField(string field) => field switch
    {
        "outcome" or "status" => field,
        _ when field.StartsWith("data.", StringComparison.Ordinal) => field,
        _ => $"data.{field}",
    };
}
