using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain;
using NspWorkflow.Web.Infrastructure.Api;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Cases.Api;

/// <summary>
/// The case API: a shelter applies (which starts the case process), everyone allowed reads, and every read and change
/// writes an audit entry. Another shelter's case answers 404, exactly as an unknown id.
/// </summary>
public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases");
        cases.MapPost("/", CreateAsync).RequireAuthorization(Roles.Shelter).WithName("CreateCase");
        cases.MapGet("/", ListAsync).RequireAuthorization(Roles.CaseWork).WithName("ListCases");
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetCase");
        cases.MapPost("/{id:guid}/messages", CaseMessageEndpoints.DeliverAsync).RequireAuthorization(Roles.CaseChange).WithName("SendCaseMessage");
        cases.MapPost("/{id:guid}/point-interventions", CaseMessageEndpoints.SubmitPointInterventionAsync)
            .RequireAuthorization(Roles.Shelter).WithName("SubmitPointIntervention");
        cases.MapCaseDailyTermsEndpoints();
        return api;
    }

    private static async Task<IResult> CreateAsync(CaseApplicationRequest request, ClaimsPrincipal user, CaseApplications applications,
        CancellationToken cancellationToken)
    {
        var violations = new List<RuleViolation>();
        var application = request.ToApplication(violations);
        if (violations.Count > 0)
            return ApiProblems.Violations(violations);

        return await applications.SubmitAsync(application, user, alsoStore: null, cancellationToken) switch
        {
            ApplicationOutcome.Opened opened => TypedResults.Created($"/api/cases/{opened.Id}", new CaseCreated(opened.Id, opened.Reference)),
            ApplicationOutcome.Refused refused => ApiProblems.Violations(refused.Violations),
            ApplicationOutcome.NotStarted notStarted => ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Api.CaseProcessNotStarted", notStarted.Message),
            _ => throw new InvalidOperationException("An application without a draft ends opened, refused or not started."),
        };
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, NspDbContext db, CaseWorkspace workspace, CancellationToken cancellationToken)
    {
        var query = db.Cases.AsNoTracking();
        if (CaseAccess.OnlyShelter(user) is { } shelterId)
            query = query.Where(c => c.ShelterId == shelterId);
        var rows = await query.OrderByDescending(c => c.CreatedAt).Take(500).ToListAsync(cancellationToken);
        workspace.Audit(CaseAccess.Actor(user), "case.list", null, $"{rows.Count} cases");
        await workspace.SaveAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(c => new CaseSummary(c.Id, c.Reference, c.ShelterId, RequestEnums.Name(c.Status),
            RequestEnums.Name(c.Outcome), c.PlacementDate, c.ErasedAt != null)).ToList());
    }

    /// <summary>The case; 410 Gone naming its reference and the day when its personal data was erased (Features/Retention).</summary>
    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, CaseReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(id, user, cancellationToken) is { } details ? TypedResults.Ok(details) : ApiProblems.NotFound();
        }
        catch (CaseErasedException erased)
        {
            return ApiProblems.Problem(StatusCodes.Status410Gone, ErasedTitle, null, erased.Reference,
                SwedishCalendar.FormatDay(erased.ErasedOn));
        }
    }

    public const string ErasedTitle = "Api.CaseErased";
}
