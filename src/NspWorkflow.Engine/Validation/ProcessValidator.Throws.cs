using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Validation;

/// <summary>Rules for the events that throw a message: an intermediate throw event and a message end event.</summary>
public sealed partial class ProcessValidator
{
    /// <summary>
    /// The thrown message must be one of the file's messages and have a name: the engine delivers it by that name (and
    /// its correlation key) to the instance waiting for it. A none throw event (no message) throws nothing to check.
    /// </summary>
    private static void CheckThrow(ProcessDefinition process, FlowNode node, string label, Action<string, string> report)
    {
        var messageRef = node switch
        {
            IntermediateThrowEvent throwEvent => throwEvent.MessageRef,
            EndEvent end => end.MessageRef,
            _ => null,
        };
        if (messageRef is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(messageRef))
        {
            report(node.Id, $"{label} does not say which message it throws (messageRef).");
        }
        else if (!process.Messages.TryGetValue(messageRef, out var message))
        {
            report(node.Id, $"{label} throws message '{messageRef}', which is not defined in this file.");
        }
        else if (string.IsNullOrWhiteSpace(message.Name))
        {
            report(node.Id, $"{label} throws message '{messageRef}', which has no name; a thrown message reaches the instance that waits for its name.");
        }
    }
}
