namespace NspWorkflow.Engine.Store;

/// <summary>
/// The host's share of a step, e.g. outgoing mail for new tasks and send tasks. <see cref="WorkflowEngine"/> calls every
/// registered handler (none: nothing happens) with the step's changes just before <see cref="IInstanceStore.SaveStepAsync"/>,
/// so whatever a handler adds to the host's unit of work commits in the step's transaction, or not at all.
/// </summary>
/// <remarks>
/// A step whose save conflicts is run again from a fresh load and the handlers are called again with the new changes;
/// the store must therefore drop everything the unit of work holds on a conflict (the EF store clears its tracker), so
/// the first attempt's additions never commit.
/// </remarks>
public interface IStepEffectHandler
{
    /// <summary>Adds the host's rows for <paramref name="commit"/> to its unit of work, without saving.</summary>
    Task BeforeSaveAsync(StepCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// Called once the step is stored (never after a conflict), for work that must follow the commit, such as waking a
    /// mail sender. Should not throw: the step is already stored.
    /// </summary>
    void AfterSave(StepCommit commit);
}
