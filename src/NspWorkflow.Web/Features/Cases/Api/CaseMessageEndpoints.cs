using System.Security.Claims;
using NspWorkflow.Domain;
using NspWorkflow.Web.Infrastructure.Api;

namespace NspWorkflow.Web.Features.Cases.Api;

/// <summary>Messages to a running case (the police report) and point interventions applied for on it, through <see cref="CaseActions"/>.</summary>
public static class CaseMessageEndpoints
{
    /// <summary>The one message a case takes today.</summary>
    public const string PoliceReportFiled = CaseActions.PoliceReportFiled;

    /// <summary>
    /// <c>police-report-filed</c> <c>{date, mmmGranted}</c>: applied to the case (granted: the date is the running period's
    /// last funded day and the outcome MMM), then delivered to the reflection or extended period waiting for it, in one
    /// transaction. With none waiting nothing is recorded and the answer is 409.
    /// </summary>
    public static async Task<IResult> DeliverAsync(Guid id, CaseMessageRequest request, ClaimsPrincipal user, CaseActions actions,
        CancellationToken cancellationToken)
    {
        if (request.Name != PoliceReportFiled)
            return ApiProblems.Field("name", RuleViolationCode.Invalid);
        if (request.Data?.Date is not { } date || request.Data.MmmGranted is not { } granted)
            return ApiProblems.Violations([
                .. request.Data?.Date is null ? [new RuleViolation("data.date", RuleViolationCode.Required)] : Array.Empty<RuleViolation>(),
                .. request.Data?.MmmGranted is null ? [new RuleViolation("data.mmmGranted", RuleViolationCode.Required)] : Array.Empty<RuleViolation>(),
            ]);

        return await actions.ReportToPoliceAsync(id, date, granted, user, cancellationToken) switch
        {
            CaseActionOutcome.Done => TypedResults.Ok(new { delivered = true }),
            CaseActionOutcome.Forbidden => TypedResults.Forbid(),
            CaseActionOutcome.Refused refused => ApiProblems.Violations(refused.Violations.Select(v => v with { Field = $"data.{v.Field}" })),
            CaseActionOutcome.NotNow notNow => ApiProblems.Conflict(notNow.Key),
            _ => ApiProblems.NotFound(),
        };
    }

    /// <summary>A point intervention for the case: checked against the cap and the list, then sent to the coordinator.</summary>
    public static async Task<IResult> SubmitPointInterventionAsync(Guid id, PointInterventionRequest request, ClaimsPrincipal user,
        CaseActions actions, CancellationToken cancellationToken)
    {
        var violations = new List<RuleViolation>();
        var details = request.ToIntervention(violations);
        if (violations.Count > 0)
            return ApiProblems.Violations(violations);

        return await actions.ApplyForPointInterventionAsync(id, details, receipt: null, user, cancellationToken) switch
        {
            CaseActionOutcome.Done done => TypedResults.Created($"/api/cases/{id}", new { id = done.Id, status = "submitted" }),
            CaseActionOutcome.Refused refused => ApiProblems.Violations(refused.Violations.Select(v => v with { Field = CamelCase(v.Field) })),
            CaseActionOutcome.NotNow => ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Api.PointInterventionProcessNotStarted"),
            _ => ApiProblems.NotFound(),
        };
    }

    private static string CamelCase(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
