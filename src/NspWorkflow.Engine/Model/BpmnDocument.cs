using System.Collections.Immutable;

namespace NspWorkflow.Engine.Model;

/// <summary>One <c>bpmn:definitions</c> file: its processes, messages and errors. The diagram (bpmndi) is not part of the model.</summary>
public sealed record BpmnDocument(string? Id, ImmutableArray<ProcessDefinition> Processes, ImmutableDictionary<string, MessageDefinition> Messages,
    ImmutableDictionary<string, ErrorDefinition> Errors)
{
    public ProcessDefinition? FindProcess(string id) => Processes.FirstOrDefault(p => p.Id == id);
}
