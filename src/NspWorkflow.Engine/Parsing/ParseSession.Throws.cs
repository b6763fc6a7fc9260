using System.Xml.Linq;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Parsing;

/// <summary>Reading throw events: an intermediate throw event (a message, or none as a milestone) and a message end event.</summary>
internal sealed partial class ParseSession
{
    private FlowNode ReadThrow(XElement element, string id, string? name)
    {
        CheckAttributes(element, id, "intermediate throw event", IdName, []);
        var definitions = EventDefinitions(element, id);
        return definitions switch
        {
            [] => new IntermediateThrowEvent(id, name, MessageRef: null),
            [{ Name.LocalName: "messageEventDefinition" } message] => new IntermediateThrowEvent(id, name, ThrownMessageRef(message, id)),
            _ => new UnsupportedNode(id, name, "intermediateThrowEvent",
                $"an intermediate throw event may only throw a message (or nothing, as a milestone), not {Describe(definitions)}"),
        };
    }

    /// <summary>The message a throw names; empty (not null) when it names none, so validation tells it from a none event.</summary>
    private string ThrownMessageRef(XElement definition, string ownerId)
    {
        CheckDefinition(definition, ownerId, ["id", "messageRef"]);
        CheckChildren(definition, ownerId);
        return Attr(definition, "messageRef") ?? "";
    }
}
