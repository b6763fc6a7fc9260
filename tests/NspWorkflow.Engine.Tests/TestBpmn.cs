using System.Collections.Immutable;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Tests;

/// <summary>Test documents: files under Bpmn/ and small processes wrapped the way bpmn-js saves them.</summary>
internal static class TestBpmn
{
    public static string Load(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bpmn", name));

    /// <summary>The host's names the pathway file uses.</summary>
    public static ValidationContext Context { get; } = new(
        Handlers: ["end-period"],
        Forms: ["assessment"],
        Roles: ["coordinator"],
        MailTemplates: ["task-assigned", "reminder"],
        CallableProcessIds: ["shelter-period"]);

    /// <summary>A definitions element with one process around <paramref name="body"/>, plus a diagram section to ignore.</summary>
    public static string Wrap(string body, string beforeProcess = "", string afterProcess = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="bpmn-js (https://demo.bpmn.io)" exporterVersion="17.11.1">
          {beforeProcess}
          <bpmn:process id="Process_1" isExecutable="true">
            {body}
          </bpmn:process>
          {afterProcess}
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
              <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="179" y="99" width="36" height="36" /></bpmndi:BPMNShape>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>Start → <paramref name="middle"/> (which must use ids Flow_In/Flow_Out) → end.</summary>
    public static string Linear(string middle, string extraFlows = "") => Wrap($"""
        <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_In</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_In" sourceRef="StartEvent_1" targetRef="Node" />
        {middle}
        <bpmn:sequenceFlow id="Flow_Out" sourceRef="Node" targetRef="EndEvent_1" />
        <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_Out</bpmn:incoming></bpmn:endEvent>
        {extraFlows}
        """);

    public static ImmutableArray<ValidationProblem> Check(string xml) => new DefinitionChecker().Check(xml, Context).Problems;
}
