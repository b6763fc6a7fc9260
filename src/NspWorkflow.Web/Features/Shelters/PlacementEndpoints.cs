using NspWorkflow.Web.Infrastructure.Api;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>
/// <c>GET /api/shelters/placement</c>: the placement search of <c>/shelters/placement</c>, with the same filters as query
/// parameters; a value it cannot read is a 422 naming the parameter.
/// </summary>
public static class PlacementEndpoints
{
    public static RouteGroupBuilder MapPlacementEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/shelters/placement", SearchAsync).RequireAuthorization(ShelterPolicies.Placement).WithName("SearchPlacement");
        return api;
    }

    private static async Task<IResult> SearchAsync([AsParameters] PlacementQuery query, PlacementSearch search, CancellationToken cancellationToken)
    {
        var (filter, violations) = query.ToFilter();
        if (violations.Count > 0)
            return ApiProblems.Violations(violations);
        return TypedResults.Ok(await search.FindAsync(filter, cancellationToken));
    }
}
