using NspWorkflow.Web.Infrastructure.Api;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>
/// Any request that reaches a case whose personal data was erased (a task page of it, an action, its timeline): 410 Gone,
/// as a problem document for the API and the error page for a page, never a 500. Names no case: the access check may not
/// have run yet. The case page and <c>GET /api/cases/{id}</c> answer for themselves, with the reference and the day.
/// </summary>
internal sealed class ErasedCaseMiddleware(RequestDelegate next)
{
    public const string GoneTitle = "Api.CaseGone";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (CaseErasedException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            if (NspAuthenticationExtensions.IsApiRequest(context.Request))
                await ApiProblems.Problem(StatusCodes.Status410Gone, GoneTitle).ExecuteAsync(context);
            else
                context.Response.StatusCode = StatusCodes.Status410Gone;
        }
    }
}
