using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Runtime;

/// <summary>
/// Embedded sub-processes and errors. A sub-process's token waits at it while the tokens of its scope run inside; the
/// sub-process ends when the last of them does. An error goes to the nearest boundary event that catches it: on the
/// activity that raised it, then on each sub-process around it, then (from an error end event) on the caller's call activity.
/// </summary>
internal sealed partial class Execution
{
    private void EnterSubProcess(Work work, SubProcess subProcess)
    {
        var plan = new Plan();
        var start = definition.StartOf(subProcess.Id);
        var error = start is null
            ? new PlanError(subProcess.Id, $"The sub-process {subProcess.Describe()} has no start event.")
            : PlanBoundaries(subProcess.Id, plan);
        if (error is not null)
        {
            Incident(work, error.ElementId, error.Message);
            return;
        }

        Wait(work, plan);
        queue.Enqueue(new Work(ids.NewId(), start!.Id, null, Scope: work.TokenId));
    }

    private void End(Work work, EndEvent end)
    {
        if (end.ErrorRef is { } errorRef)
        {
            ThrowErrorEnd(work, end, ErrorCode(errorRef));
            return;
        }

        Log(work.TokenId, end.Id, JournalKind.Left);
        if (end.Terminate && work.Scope is { } scope)
        {
            // BPMN: a terminate end event inside a sub-process ends that sub-process only, which then completes.
            CancelScope(scope, $"terminated by '{end.Id}'");
            CompleteActivity(TakeToken(scope));
        }
        else if (end.Terminate)
        {
            Terminate(end);
        }
        else if (work.Scope is { } ended)
        {
            CompleteScopeIfDone(ended);
        }
    }

    /// <summary>The sub-process completes once no token of its scope waits or is still to run in this step.</summary>
    private void CompleteScopeIfDone(Guid scope)
    {
        if (tokens.Exists(t => t.Scope == scope) || queue.Any(w => w.Scope == scope))
        {
            return;
        }

        CompleteActivity(TakeToken(scope));
    }

    /// <summary>Ends every token inside the sub-process of <paramref name="scope"/>, nested ones too, with their waits and incidents.</summary>
    private void CancelScope(Guid scope, string reason)
    {
        loops.RemoveAll(l => l.BodyTokenId == scope);
        foreach (var token in tokens.Where(t => t.Scope == scope).ToList())
        {
            CancelScope(token.Id, reason);
            CancelWaitsOf(token.Id);
            tokens.Remove(token);
            incidents.RemoveAll(i => i.TokenId == token.Id);
            Log(token.Id, token.NodeId, JournalKind.Cancelled, reason);
        }

        if (queue.Any(w => w.Scope == scope))
        {
            var rest = queue.Where(w => w.Scope != scope).ToList();
            queue.Clear();
            rest.ForEach(queue.Enqueue);
        }
    }

    /// <summary>A service-task handler raised a business error: its own boundary event or a sub-process around it catches it, else an incident.</summary>
    private void RaiseError(Work work, ServiceTask service, string handler, string errorCode)
    {
        if (CatcherOn(service.Id, errorCode) is { } boundary)
        {
            Log(work.TokenId, service.Id, JournalKind.Cancelled, $"error '{errorCode}' caught by '{boundary.Id}'");
            queue.Enqueue(new Work(work.TokenId, boundary.Id, null, Triggered: true, Scope: work.Scope));
        }
        else if (!CatchInScopes(work.Scope, errorCode))
        {
            Incident(work, service.Id, $"The handler '{handler}' raised the error '{errorCode}', which no boundary event catches.");
        }
    }

    /// <summary>
    /// An error end event: caught by a sub-process around it; else, in a called process, it ends the instance and goes to
    /// the caller's call activity; else it is an incident, as nothing can handle it.
    /// </summary>
    private void ThrowErrorEnd(Work work, EndEvent end, string errorCode)
    {
        Log(work.TokenId, end.Id, JournalKind.Left, $"error '{errorCode}'");
        if (CatchInScopes(work.Scope, errorCode))
        {
            return;
        }

        if (original.ParentInstanceId is null)
        {
            Incident(work, end.Id, $"The error '{errorCode}' of end event {end.Describe()} is caught by no boundary event.");
            return;
        }

        EndInstance($"ended by error '{errorCode}' at '{end.Id}'");
        effects.Add(new InstanceTerminated(original.InstanceId, end.Id, errorCode));
    }

    /// <summary>
    /// The called process ended with an error: the call activity's boundary event or a sub-process around it catches it.
    /// For one instance of a multi-instance call, the boundary events are the whole activity's (its body token's).
    /// Uncaught, the instance that called stops with an incident (a retry calls the process again).
    /// </summary>
    private void CatchChildError(Token callToken, CallActivity call, string errorCode)
    {
        var activityToken = LoopOf(callToken) is not null ? tokens.First(t => t.Id == callToken.Scope) : callToken;
        if (CatcherOn(call.Id, errorCode) is { } boundary)
        {
            TriggerBoundary(boundary, activityToken);
        }
        else if (!CatchInScopes(activityToken.Scope, errorCode))
        {
            CancelWaitsOf(callToken.Id);
            TakeToken(callToken.Id);
            Incident(new Work(callToken.Id, call.Id, callToken.ArrivedVia, Scope: callToken.Scope), call.Id,
                $"The process called by {call.Describe()} ended with the error '{errorCode}', which no boundary event catches.");
        }
    }

    /// <summary>Looks for a catching boundary event on each sub-process around <paramref name="scope"/>, innermost first.</summary>
    private bool CatchInScopes(Guid? scope, string errorCode)
    {
        while (scope is { } holderId)
        {
            var holder = tokens.First(t => t.Id == holderId);
            if (CatcherOn(holder.NodeId, errorCode) is { } boundary)
            {
                CancelScope(holderId, $"error '{errorCode}' caught by '{boundary.Id}'");
                TriggerBoundary(boundary, holder);
                return true;
            }

            scope = holder.Scope;
        }

        return false;
    }

    /// <summary>The error boundary event of the activity for this code; one naming the error wins over one catching any.</summary>
    private BoundaryEvent? CatcherOn(string activityId, string errorCode)
    {
        BoundaryEvent? any = null;
        foreach (var boundary in definition.BoundariesOf(activityId))
        {
            if (boundary.Trigger is not ErrorTrigger trigger)
            {
                continue;
            }

            if (trigger.ErrorRef is null)
            {
                any ??= boundary;
            }
            else if (ErrorCode(trigger.ErrorRef) == errorCode)
            {
                return boundary;
            }
        }

        return any;
    }

    private string ErrorCode(string errorRef) => definition.Errors.GetValueOrDefault(errorRef)?.ErrorCode ?? errorRef;
}
