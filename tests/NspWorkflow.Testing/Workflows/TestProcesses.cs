
namespace NspWorkflow.Testing.Workflows;

/// <summary>Small processes the engine tests save and publish through the host's catalog.</summary>
public static class TestProcesses
{
    /// <summary>"timer-only": waits an hour, then ends. "message-wait": waits for report-filed by caseId. "call-parent": calls message-wait.</summary>
    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:nsp="https://nsp-workflow.se/schema/bpmn" id="Definitions_Engine" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:message id="Message_Report" name="report-filed" nsp:correlationKey="caseId" />
          <bpmn:process id="timer-only" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait">
              <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
          <bpmn:process id="message-wait" isExecutable="true">
            <bpmn:startEvent id="M_Start" />
            <bpmn:sequenceFlow id="M_F1" sourceRef="M_Start" targetRef="M_Receive" />
            <bpmn:receiveTask id="M_Receive" messageRef="Message_Report" />
            <bpmn:sequenceFlow id="M_F2" sourceRef="M_Receive" targetRef="M_End" />
            <bpmn:endEvent id="M_End" />
          </bpmn:process>
          <bpmn:process id="call-parent" isExecutable="true">
            <bpmn:startEvent id="P_Start" />
            <bpmn:sequenceFlow id="P_F1" sourceRef="P_Start" targetRef="P_Call" />
            <bpmn:callActivity id="P_Call" calledElement="message-wait" nsp:inputs="caseId" />
            <bpmn:sequenceFlow id="P_F2" sourceRef="P_Call" targetRef="P_End" />
            <bpmn:endEvent id="P_End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static Task PublishAsync(IEngineHost host) => EngineCalls.PublishFileAsync(host, Xml);
}
