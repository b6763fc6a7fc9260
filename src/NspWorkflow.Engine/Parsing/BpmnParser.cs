using System.Collections.Immutable;
using System.Xml.Linq;
using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML as bpmn-js saves it into a <see cref="BpmnDocument"/>. The diagram interchange (bpmndi),
/// documentation, lanes, text annotations and groups are ignored: they only draw. Everything else outside the
/// subset is reported. Stateless, so one instance can serve every request.
/// </summary>
public sealed class BpmnParser
{
    /// <summary>Never throws for bad input: unreadable XML gives a null document and one problem.</summary>
    public ParseResult Parse(string xml)
    {
        var xdoc = SafeXml.Load(xml, out var error);
        if (xdoc?.Root is null)
        {
            return new ParseResult(null, [new ValidationProblem("", error ?? "The file has no root element.")]);
        }

        var session = new ParseSession();
        var document = session.ReadDefinitions(xdoc.Root);
        return new ParseResult(document, session.Problems.ToImmutableArray());
    }
}

/// <summary>The state of one parse: the problems found so far and the ids seen (to report duplicates).</summary>
internal sealed partial class ParseSession
{
    private static readonly XNamespace B = BpmnNames.Bpmn;
    private readonly HashSet<string> seenIds = new(StringComparer.Ordinal);

    public List<ValidationProblem> Problems { get; } = [];

    private void Report(string elementId, string message) => Problems.Add(new ValidationProblem(elementId, message));

    public BpmnDocument? ReadDefinitions(XElement root)
    {
        if (root.Name != B + "definitions")
        {
            Report("", $"The file is not a BPMN 2.0 file: its root element is '{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}', expected 'definitions' in '{BpmnNames.Bpmn}'.");
            return null;
        }

        var definitionsId = Attr(root, "id");
        CheckAttributes(root, definitionsId ?? "", "definitions",
            ["id", "name", "targetNamespace", "exporter", "exporterVersion", "expressionLanguage", "typeLanguage"], []);

        var messages = ImmutableDictionary.CreateBuilder<string, MessageDefinition>(StringComparer.Ordinal);
        foreach (var element in root.Elements(B + "message"))
        {
            var message = ReadMessage(element);
            if (message is not null)
            {
                messages.TryAdd(message.Id, message);
            }
        }

        var messageTable = messages.ToImmutable();
        var errorTable = ReadErrors(root);
        var processes = ImmutableArray.CreateBuilder<ProcessDefinition>();
        foreach (var child in root.Elements())
        {
            if (child.Name == B + "process")
            {
                var process = ReadProcess(child, messageTable, errorTable);
                if (process is not null)
                {
                    processes.Add(process);
                }
            }
            else if (child.Name == B + "collaboration")
            {
                ReadCollaboration(child);
            }
            else if (child.Name == B + "message" || child.Name == B + "error" || child.Name == B + "category" || child.Name == B + "documentation"
                     || child.Name.Namespace == BpmnNames.BpmnDi)
            {
                // Messages and errors are read above; categories only label groups; the diagram only draws.
            }
            else
            {
                ReportUnsupportedElement(child, definitionsId ?? "");
            }
        }

        if (processes.Count == 0)
        {
            Report(definitionsId ?? "", "The file contains no process.");
        }

        return new BpmnDocument(definitionsId, processes.ToImmutable(), messageTable, errorTable);
    }

    private ImmutableDictionary<string, ErrorDefinition> ReadErrors(XElement root)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, ErrorDefinition>(StringComparer.Ordinal);
        foreach (var element in root.Elements(B + "error"))
        {
            var id = RequireId(element, "");
            if (id is null)
            {
                continue;
            }

            CheckAttributes(element, id, "error", ["id", "name", "errorCode"], []);
            CheckChildren(element, id);
            errors.TryAdd(id, new ErrorDefinition(id, Attr(element, "name"), Attr(element, "errorCode")));
        }

        return errors.ToImmutable();
    }

    private MessageDefinition? ReadMessage(XElement element)
    {
        var id = RequireId(element, "");
        if (id is null)
        {
            return null;
        }

        CheckAttributes(element, id, "message", ["id", "name"], ["correlationKey"]);
        CheckChildren(element, id);
        return new MessageDefinition(id, Attr(element, "name"), NspAttr(element, "correlationKey"));
    }

    private void ReadCollaboration(XElement collaboration)
    {
        // Pools only frame the process; message flows between pools would suggest behaviour the engine lacks.
        foreach (var child in collaboration.Elements())
        {
            var local = child.Name.LocalName;
            if (child.Name.Namespace == B && local is "participant" or "textAnnotation" or "association" or "group" or "documentation")
            {
                continue;
            }

            ReportUnsupportedElement(child, Attr(collaboration, "id") ?? "");
        }
    }

    private ProcessDefinition? ReadProcess(XElement element, ImmutableDictionary<string, MessageDefinition> messages,
        ImmutableDictionary<string, ErrorDefinition> errors)
    {
        var id = RequireId(element, "");
        if (id is null)
        {
            return null;
        }

        CheckAttributes(element, id, "process", ["id", "name", "isExecutable"], []);
        var contents = new ScopeContents();
        ReadFlowElements(element, id, null, contents);

        // A flow is the default only of the gateway it leaves; a gateway naming another node's flow is a validation problem.
        var defaults = contents.Nodes.Select(n => n switch
            {
                ExclusiveGateway g => (g.Id, Default: g.DefaultFlowId),
                InclusiveGateway g => (g.Id, Default: g.DefaultFlowId),
                _ => (n.Id, Default: null),
            })
            .Where(g => g.Default is not null)
            .GroupBy(g => g.Default!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var flows = contents.Flows.Select(f => ReadFlow(f, defaults)).OfType<SequenceFlow>().ToList();
        return new ProcessDefinition(id, Attr(element, "name"), contents.Nodes, flows, messages, errors, contents.Scopes);
    }

    /// <summary>What a process holds, its embedded sub-processes' contents included (kept flat, with the scope of each node).</summary>
    private sealed class ScopeContents
    {
        public List<FlowNode> Nodes { get; } = [];
        public List<XElement> Flows { get; } = [];
        public Dictionary<string, string> Scopes { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The nodes and flows of a process or of an embedded sub-process (<paramref name="scopeId"/>). A sub-process's own
    /// contents are read into the same lists, each node remembering the sub-process it is in.
    /// </summary>
    private void ReadFlowElements(XElement container, string containerId, string? scopeId, ScopeContents contents)
    {
        foreach (var child in container.Elements())
        {
            if (child.Name.Namespace != B)
            {
                ReportUnsupportedElement(child, containerId);
                continue;
            }

            switch (child.Name.LocalName)
            {
                case "sequenceFlow":
                    contents.Flows.Add(child);
                    break;
                // A sub-process's own incoming/outgoing lists are bpmn-js's redundant copies of its flows.
                case "laneSet" or "documentation" or "textAnnotation" or "association" or "group" or "incoming" or "outgoing":
                    break;
                case "multiInstanceLoopCharacteristics" or "standardLoopCharacteristics" when scopeId is not null:
                    Report(scopeId, $"Sub-process '{scopeId}' repeats ({child.Name.LocalName}); only user tasks and call activities may repeat here. Put a multi-instance call activity in its place.");
                    break;
                case "extensionElements":
                    ReportUnsupportedElement(child, containerId);
                    break;
                case "subProcess" when ReadSubProcess(child) is { } subProcess:
                    Add(subProcess);
                    ReadFlowElements(child, subProcess.Id, subProcess.Id, contents);
                    break;
                case "subProcess":
                    break;
                default:
                    if (ReadNode(child) is { } node)
                    {
                        Add(node);
                    }

                    break;
            }
        }

        void Add(FlowNode node)
        {
            contents.Nodes.Add(node);
            if (scopeId is not null)
            {
                contents.Scopes.TryAdd(node.Id, scopeId);
            }
        }
    }

    private SequenceFlow? ReadFlow(XElement element, Dictionary<string, string> defaults)
    {
        var id = RequireId(element, "");
        if (id is null)
        {
            return null;
        }

        CheckAttributes(element, id, "sequenceFlow", ["id", "name", "sourceRef", "targetRef"], []);
        string? condition = null;
        foreach (var child in element.Elements())
        {
            if (child.Name == B + "conditionExpression")
            {
                CheckExpressionElement(child, id);
                condition = StripEquals(child.Value);
            }
            else if (!IsNeutralChild(child))
            {
                ReportUnsupportedElement(child, id);
            }
        }

        var source = Attr(element, "sourceRef") ?? "";
        return new SequenceFlow(id, Attr(element, "name"), source, Attr(element, "targetRef") ?? "",
            condition, defaults.TryGetValue(id, out var gateway) && gateway == source);
    }

    /// <summary>Conditions may be written <c>=amount &gt; 0</c> like timer expressions; the <c>=</c> is dropped.</summary>
    private static string StripEquals(string body)
    {
        var trimmed = body.Trim();
        return trimmed.StartsWith('=') ? trimmed[1..].Trim() : trimmed;
    }

    private void CheckExpressionElement(XElement element, string ownerId)
    {
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            var name = attribute.Name;
            var ok = (name.Namespace == XNamespace.None && name.LocalName == "id")
                || (name.Namespace == BpmnNames.Xsi && name.LocalName == "type" && attribute.Value.EndsWith("tFormalExpression", StringComparison.Ordinal))
                || (name.Namespace == XNamespace.None && name.LocalName == "language" && IsJavaScript(attribute.Value))
                || (name.Namespace != XNamespace.None && name.Namespace != BpmnNames.Xsi && name.Namespace != BpmnNames.Nsp);
            if (!ok)
            {
                Report(ownerId, $"'{ownerId}' has an expression with {Display(name)}=\"{attribute.Value}\"; expressions are JavaScript written as a plain formal expression.");
            }
        }

        foreach (var child in element.Elements())
        {
            ReportUnsupportedElement(child, ownerId);
        }
    }

    private static bool IsJavaScript(string language) =>
        language.Trim().ToLowerInvariant() is "javascript" or "js" or "ecmascript" or "text/javascript" or "application/javascript";

    private string? RequireId(XElement element, string ownerId)
    {
        var id = Attr(element, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            Report(ownerId, $"A '{element.Name.LocalName}' element has no id; every element needs one.");
            return null;
        }

        if (!seenIds.Add(id))
        {
            Report(id, $"The id '{id}' is used by more than one element.");
        }

        return id;
    }

    private static string? Attr(XElement element, string name) => (string?)element.Attribute(name);

    private static string? NspAttr(XElement element, string name) => (string?)element.Attribute(BpmnNames.Nsp + name);

    /// <summary>Children every element may have: bpmn-js's redundant incoming/outgoing lists and documentation.</summary>
    private static bool IsNeutralChild(XElement child) =>
        child.Name.Namespace == BpmnNames.Bpmn && child.Name.LocalName is "incoming" or "outgoing" or "documentation";

    private void CheckChildren(XElement element, string ownerId)
    {
        foreach (var child in element.Elements())
        {
            if (!IsNeutralChild(child))
            {
                ReportUnsupportedElement(child, ownerId);
            }
        }
    }

    private void ReportUnsupportedElement(XElement element, string ownerId)
    {
        var id = Attr(element, "id");
        var what = element.Name.Namespace == BpmnNames.Bpmn ? $"bpmn:{element.Name.LocalName}" : $"'{element.Name.LocalName}' (namespace {element.Name.NamespaceName})";
        var hint = element.Name.LocalName switch
        {
            "extensionElements" => " Settings of other tools are not read; use the nsp: attributes.",
            "multiInstanceLoopCharacteristics" => " Only user tasks and call activities may be multi-instance.",
            "standardLoopCharacteristics" => " Loops are not part of the subset; draw the loop with a gateway, or use a multi-instance user task or call activity.",
            _ => "",
        };
        Report(id ?? ownerId, $"{what}{(id is null ? $" in '{ownerId}'" : "")} is not supported by this engine.{hint}");
    }

    /// <summary>
    /// Reports attributes outside the subset. Plain (BPMN) attributes must be in <paramref name="plain"/>;
    /// nsp: attributes in <paramref name="nsp"/>; other namespaces (bpmn-js colours, other tools) are ignored.
    /// </summary>
    private void CheckAttributes(XElement element, string ownerId, string kind, string[] plain, string[] nsp)
    {
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            var name = attribute.Name;
            if (name.Namespace == XNamespace.None)
            {
                if (!plain.Contains(name.LocalName))
                {
                    Report(ownerId, $"The attribute '{name.LocalName}' on {kind} '{ownerId}' is not supported by this engine.");
                }
            }
            else if (name.Namespace == BpmnNames.Nsp && !nsp.Contains(name.LocalName))
            {
                Report(ownerId, KnownNspAttributes.Contains(name.LocalName)
                    ? $"The setting nsp:{name.LocalName} has no meaning on {kind} '{ownerId}'."
                    : $"The setting nsp:{name.LocalName} on {kind} '{ownerId}' is unknown. Known settings: {string.Join(", ", KnownNspAttributes.Select(a => "nsp:" + a))}.");
            }
            else if (name.Namespace == BpmnNames.Xsi && name.LocalName != "schemaLocation")
            {
                Report(ownerId, $"The attribute xsi:{name.LocalName} on {kind} '{ownerId}' is not supported by this engine.");
            }
        }
    }

    private static string Display(XName name) =>
        name.Namespace == XNamespace.None ? name.LocalName
        : name.Namespace == BpmnNames.Xsi ? "xsi:" + name.LocalName
        : name.LocalName;

    private static readonly string[] KnownNspAttributes =
        ["assigneeRole", "form", "handler", "mailTemplate", "due", "inputs", "outputs", "correlationKey", "daysBefore", "before",
            "collection", "elementVariable"];
}
