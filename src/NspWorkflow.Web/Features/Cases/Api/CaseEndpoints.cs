using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Engine.Store;
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
    private const int ReferenceAttempts = 3;

    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases");
        cases.MapPost("/", CreateAsync).RequireAuthorization(Roles.Shelter).WithName("CreateCase");
        cases.MapGet("/", ListAsync).RequireAuthorization(Roles.CaseWork).WithName("ListCases");
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetCase");
        cases.MapPost("/{id:guid}/messages", CaseMessageEndpoints.DeliverAsync).WithName("SendCaseMessage");
        cases.MapPost("/{id:guid}/point-interventions", CaseMessageEndpoints.SubmitPointInterventionAsync)
            .RequireAuthorization(Roles.Shelter).WithName("SubmitPointIntervention");
        return api;
    }

    private static async Task<IResult> CreateAsync(CaseApplicationRequest request, ClaimsPrincipal user, NspDbContext db,
        CaseWorkspace workspace, ICaseWorkflows workflows, TimeProvider time, CancellationToken cancellationToken)
    {
        var violations = new List<RuleViolation>();
        var application = request.ToApplication(violations);
        if (violations.Count > 0)
            return ApiProblems.Violations(violations);
        // Applying for another shelter: that shelter is not the caller's to name.
        if (!CaseAccess.IsShelterOf(user, application.ShelterId))
            return ApiProblems.Field("shelterId", RuleViolationCode.NotFound);

        var shelter = await db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == application.ShelterId, cancellationToken);
        var now = time.GetUtcNow();
        var today = SwedishCalendar.Today(time);
        for (var attempt = 1; ; attempt++)
        {
            Case opened;
            try
            {
                opened = Case.Open(Guid.CreateVersion7(now), await NextReferenceAsync(), application, shelter, now, today);
            }
            catch (RuleViolationException e)
            {
                return ApiProblems.Violations(e.Violations);
            }

            workspace.Add(opened);
            workspace.Audit(CaseAccess.Actor(user), "case.create", opened);
            try
            {
                var started = await workflows.StartCaseAsync(opened, cancellationToken);
                if (started.Outcome != EngineOutcome.Started)
                    return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Api.CaseProcessNotStarted", started.Message);
                return TypedResults.Created($"/api/cases/{opened.Id}", new CaseCreated(opened.Id, opened.Reference));
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                // Another case took the reference meanwhile (unique index): forget this attempt and take the next number.
                db.ChangeTracker.Clear();
                workspace.Forget(opened.Id);
            }
        }

        Task<string> NextReferenceAsync() =>
            workspace.Store.NextReferenceAsync(SwedishCalendar.ToSwedish(now).Year, cancellationToken);
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
            RequestEnums.Name(c.Outcome), c.PlacementDate)).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, CaseReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(id, user, cancellationToken) is { } details ? TypedResults.Ok(details) : ApiProblems.NotFound();
}
