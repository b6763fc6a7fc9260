using System.Xml.Linq;

namespace NspWorkflow.Engine.Parsing;

/// <summary>The XML namespaces the parser reads or deliberately skips.</summary>
public static class BpmnNames
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The project's one extension namespace (prefix <c>nsp:</c> by convention).</summary>
    public static readonly XNamespace Nsp = "https://nsp-workflow.se/schema/bpmn";
}
