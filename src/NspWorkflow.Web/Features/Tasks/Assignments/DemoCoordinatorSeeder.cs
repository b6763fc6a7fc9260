using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Database;
using NspWorkflow.Web.Infrastructure.DevelopmentIdentity;

namespace NspWorkflow.Web.Features.Tasks.Assignments;

/// <summary>The demo coordinators, known from the start on the embedded default so a hand-over can name one who has not signed in yet.</summary>
internal sealed class DemoCoordinatorSeeder(CoordinatorDirectory coordinators) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var user in DemoDirectory.Users.Where(u => u.Role == Roles.Coordinator))
        {
            if (await coordinators.FindAsync(user.Id, cancellationToken) is null)
                await coordinators.RecordAsync(user.Id, user.Name, cancellationToken);
        }
    }
}
