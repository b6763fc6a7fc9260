using System.Xml.Linq;
using NspWorkflow.Engine.Model;

namespace NspWorkflow.Engine.Parsing;

/// <summary>Reading a timer start event.</summary>
internal sealed partial class ParseSession
{
    /// <summary>
    /// The timer is read as on any event; which forms a start event may have (a date, or a cycle from a start date) is
    /// validation's to say, so a wrong one is reported once, naming the start event, with the reason.
    /// </summary>
    private StartEvent ReadTimerStart(XElement timer, string id, string? name)
    {
        CheckAttributes(timer, id, timer.Name.LocalName, ["id"], ["daysBefore", "before"]);
        return new StartEvent(id, name, ReadTimer(timer, id));
    }
}
