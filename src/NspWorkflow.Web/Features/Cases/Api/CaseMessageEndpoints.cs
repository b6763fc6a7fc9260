using System.Security.Claims;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Infrastructure.Api;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Cases.Api;

/// <summary>Messages to a running case (the police report) and point interventions applied for on it.</summary>
public static class CaseMessageEndpoints
{
    /// <summary>The one message a case takes today.</summary>
    public const string PoliceReportFiled = "police-report-filed";

    /// <summary>
    /// <c>police-report-filed</c> <c>{date, mmmGranted}</c>: applied to the case (granted: the date is the reflection's
    /// last funded day and the outcome MMM), then delivered to the reflection waiting for it, in one transaction.
    /// With no reflection waiting nothing is recorded and the answer is 409.
    /// </summary>
    public static async Task<IResult> DeliverAsync(Guid id, CaseMessageRequest request, ClaimsPrincipal user, CaseWorkspace workspace,
        ICaseWorkflows workflows, TariffSchedule tariffs, CancellationToken cancellationToken)
    {
        var found = await workspace.LoadAsync(id, cancellationToken);
        if (found is null || !CaseAccess.CanRead(user, found))
            return ApiProblems.NotFound();
        if (!CaseAccess.IsShelterOf(user, found.ShelterId) && !user.IsInRole(Roles.Coordinator))
            return TypedResults.Forbid();
        if (request.Name != PoliceReportFiled)
            return ApiProblems.Field("name", RuleViolationCode.Invalid);
        if (request.Data?.Date is not { } date || request.Data.MmmGranted is not { } granted)
            return ApiProblems.Violations([
                .. request.Data?.Date is null ? [new RuleViolation("data.date", RuleViolationCode.Required)] : Array.Empty<RuleViolation>(),
                .. request.Data?.MmmGranted is null ? [new RuleViolation("data.mmmGranted", RuleViolationCode.Required)] : Array.Empty<RuleViolation>(),
            ]);

        try
        {
            workspace.Change(id, c => c.ApplyPoliceReport(date, granted, tariffs));
        }
        catch (RuleViolationException e)
        {
            return ApiProblems.Violations(e.Violations.Select(v => v with { Field = $"data.{v.Field}" }));
        }

        workspace.Audit(CaseAccess.Actor(user), "case.message", found, request.Name);
        var result = await workflows.DeliverPoliceReportAsync(found, granted, cancellationToken);
        return result.Outcome switch
        {
            EngineOutcome.Delivered => TypedResults.Ok(new { delivered = true }),
            EngineOutcome.NotFound => ApiProblems.Conflict("Api.NoReflectionWaitsForPoliceReport"),
            _ => ApiProblems.Conflict("Api.CaseChangedMeanwhile"),
        };
    }

    /// <summary>A point intervention for the case: checked against the cap and the list, then sent to the coordinator.</summary>
    public static async Task<IResult> SubmitPointInterventionAsync(Guid id, PointInterventionRequest request, ClaimsPrincipal user,
        CaseWorkspace workspace, ICaseWorkflows workflows, TariffSchedule tariffs, TimeProvider time, CancellationToken cancellationToken)
    {
        var found = await workspace.LoadAsync(id, cancellationToken);
        if (found is null || !CaseAccess.IsShelterOf(user, found.ShelterId))
            return ApiProblems.NotFound();

        var violations = new List<RuleViolation>();
        var details = request.ToIntervention(violations);
        if (violations.Count > 0)
            return ApiProblems.Violations(violations);

        var interventionId = Guid.CreateVersion7(time.GetUtcNow());
        try
        {
            workspace.Change(id, c => c.SubmitPointIntervention(interventionId, details, tariffs, time.GetUtcNow()));
        }
        catch (RuleViolationException e)
        {
            return ApiProblems.Violations(e.Violations.Select(v => v with { Field = CamelCase(v.Field) }));
        }

        workspace.Audit(CaseAccess.Actor(user), "case.point-intervention", found, details.CategoryKey);
        var started = await workflows.StartPointInterventionAsync(found, interventionId, cancellationToken);
        return started.Outcome == EngineOutcome.Started
            ? TypedResults.Created($"/api/cases/{id}", new { id = interventionId, status = "submitted" })
            : ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Api.PointInterventionProcessNotStarted");
    }

    private static string CamelCase(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
