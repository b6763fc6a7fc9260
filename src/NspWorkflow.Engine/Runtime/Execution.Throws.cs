using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Runtime;

/// <summary>Throwing a message: an intermediate throw event (which goes on) or a message end event (whose token ends).</summary>
internal sealed partial class Execution
{
    /// <summary>
    /// The message's correlation key is computed from this (the throwing) instance's variables by the same rules as a
    /// subscription's, before anything changes: a key that fails is an incident at the event and nothing is thrown.
    /// The delivery is the host's (<see cref="MessageThrown"/>): this instance only announces it. A none throw event
    /// (no message) marks a point of the path and passes the token on.
    /// </summary>
    private void Throw(Work work, FlowNode node)
    {
        var messageRef = node switch
        {
            IntermediateThrowEvent throwEvent => throwEvent.MessageRef,
            EndEvent end => end.MessageRef,
            _ => null,
        };
        if (messageRef is not null)
        {
            var plan = new Plan();
            if (PlanMessage(node.Id, messageRef, plan) is { } error)
            {
                Incident(work, error.ElementId, error.Message);
                return;
            }

            var (_, name, key) = plan.Messages[0];
            effects.Add(new MessageThrown(node.Id, name, key));
        }

        if (node is EndEvent endEvent)
        {
            End(work, endEvent); // its path ends, and with it perhaps the sub-process it is in
        }
        else
        {
            Leave(work.TokenId, work.Scope, node);
        }
    }
}
