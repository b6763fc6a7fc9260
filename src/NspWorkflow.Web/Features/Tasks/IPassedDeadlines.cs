namespace NspWorkflow.Web.Features.Tasks;

/// <summary>
/// Deadlines outside the task list that the coordinator must see once passed (a certification lapsed, an action of a plan
/// overdue), counted for the inbox and the digest. The feature that owns them implements it, so tasks know none of them.
/// </summary>
public interface IPassedDeadlines
{
    Task<int> PassedCountAsync(DateOnly today, CancellationToken cancellationToken);
}
