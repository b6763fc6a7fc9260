using System.Security.Claims;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Infrastructure.Api;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Cases.Api;

/// <summary>A child who joined the person during the case: birth year, whether in Sweden, the first day of its supplement.</summary>
public sealed record ChildJoinedRequest(int? BirthYear, bool? InSweden, DateOnly? From);

/// <summary>A child who left: the last day of its supplement.</summary>
public sealed record ChildLeftRequest(DateOnly? LastDay);

/// <summary>The motivated supplement asked for: why it is needed (002: "Eventuella tillägg ska motiveras").</summary>
public sealed record SupplementRequest(string? Justification);

/// <summary>From which day the public pays housing and food, or protection and support (neither: the program pays both again).</summary>
public sealed record PublicPaysRequest(bool? Housing, bool? Protection, DateOnly? From);

/// <summary>
/// What changes a running case's daily amount from a day on (issue 15, items 8 and 10), by the case's shelter or the
/// coordinator, through <see cref="CaseActions"/>: children joining and leaving, the public paying one part; and the
/// motivated supplement the shelter asks for (item 9), which the coordinator decides apart from the periods.
/// </summary>
public static class CaseDailyTermsEndpoints
{
    public static RouteGroupBuilder MapCaseDailyTermsEndpoints(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/children", AddChildAsync).RequireAuthorization(Roles.CaseChange).WithName("AddChild");
        cases.MapPost("/{id:guid}/children/{index:int}/left", ChildLeftAsync).RequireAuthorization(Roles.CaseChange).WithName("ChildLeft");
        cases.MapPost("/{id:guid}/public-pays", PublicPaysAsync).RequireAuthorization(Roles.CaseChange).WithName("PublicPays");
        cases.MapPost("/{id:guid}/motivated-supplement", RequestSupplementAsync).RequireAuthorization(Roles.Shelter).WithName("RequestSupplement");
        return cases;
    }

    private static async Task<IResult> AddChildAsync(Guid id, ChildJoinedRequest request, ClaimsPrincipal user, CaseActions actions,
        CancellationToken cancellationToken)
    {
        var missing = Missing(("birthYear", request.BirthYear), ("inSweden", request.InSweden), ("from", request.From));
        if (missing.Count > 0)
            return ApiProblems.Violations(missing);
        return Answer(await actions.AddChildAsync(id, new Child(request.BirthYear!.Value, request.InSweden!.Value), request.From!.Value, user,
            cancellationToken));
    }

    private static async Task<IResult> ChildLeftAsync(Guid id, int index, ChildLeftRequest request, ClaimsPrincipal user, CaseActions actions,
        CancellationToken cancellationToken) =>
        Answer(await actions.ChildLeftAsync(id, index, request.LastDay, user, cancellationToken));

    private static async Task<IResult> PublicPaysAsync(Guid id, PublicPaysRequest request, ClaimsPrincipal user, CaseActions actions,
        CancellationToken cancellationToken)
    {
        var missing = Missing(("housing", request.Housing), ("protection", request.Protection), ("from", request.From));
        if (missing.Count > 0)
            return ApiProblems.Violations(missing);
        return Answer(await actions.PublicPaysFromAsync(id, request.From!.Value, request.Housing!.Value, request.Protection!.Value, user,
            cancellationToken));
    }

    private static async Task<IResult> RequestSupplementAsync(Guid id, SupplementRequest request, ClaimsPrincipal user, CaseActions actions,
        CancellationToken cancellationToken) =>
        await actions.RequestSupplementAsync(id, request.Justification, user, cancellationToken) switch
        {
            CaseActionOutcome.Done done => TypedResults.Created($"/api/cases/{id}", new { id = done.Id, status = "requested" }),
            CaseActionOutcome.NotNow => ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Api.SupplementProcessNotStarted"),
            var other => Answer(other),
        };

    private static List<RuleViolation> Missing(params (string Field, object? Value)[] fields) =>
        [.. fields.Where(f => f.Value is null).Select(f => new RuleViolation(f.Field, RuleViolationCode.Required))];

    private static IResult Answer(CaseActionOutcome outcome) => outcome switch
    {
        CaseActionOutcome.Done => TypedResults.Ok(new { changed = true }),
        CaseActionOutcome.Forbidden => TypedResults.Forbid(),
        CaseActionOutcome.Refused refused => ApiProblems.Violations(refused.Violations),
        CaseActionOutcome.NotNow notNow => ApiProblems.Conflict(notNow.Key),
        _ => ApiProblems.NotFound(),
    };
}
