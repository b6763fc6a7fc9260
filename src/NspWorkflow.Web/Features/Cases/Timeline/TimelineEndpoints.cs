using System.Security.Claims;
using NspWorkflow.Web.Infrastructure.Api;

namespace NspWorkflow.Web.Features.Cases.Timeline;

/// <summary>A comment as the API takes it.</summary>
public sealed record CaseCommentRequest(string? Text);

/// <summary>
/// The case's timeline and comments through the API, as the case page shows and takes them: the timeline for whoever may
/// read the case (the read is audited), a comment from the coordinator or the case's own shelter.
/// </summary>
public static class TimelineEndpoints
{
    public static RouteGroupBuilder MapTimelineEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases");
        cases.MapGet("/{id:guid}/timeline", GetAsync).WithName("GetCaseTimeline");
        cases.MapPost("/{id:guid}/comments", CommentAsync).WithName("CommentOnCase");
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, CaseReader reader, CaseTimeline timeline,
        CancellationToken cancellationToken) =>
        await reader.ReadAsync(id, user, cancellationToken) is null
            ? ApiProblems.NotFound()
            : TypedResults.Ok(await timeline.BuildAsync(id, cancellationToken));

    private static async Task<IResult> CommentAsync(Guid id, CaseCommentRequest request, ClaimsPrincipal user, CaseComments comments,
        CancellationToken cancellationToken) =>
        await comments.AddAsync(id, request.Text, user, cancellationToken) switch
        {
            CaseActionOutcome.Done done => TypedResults.Created($"/api/cases/{id}/timeline", new { id = done.Id }),
            CaseActionOutcome.Forbidden => TypedResults.Forbid(),
            CaseActionOutcome.Refused refused => ApiProblems.Violations(refused.Violations),
            _ => ApiProblems.NotFound(),
        };
}
