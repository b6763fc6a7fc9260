namespace NspWorkflow.Engine.Tests;

/// <summary>Multi-instance markers the modeller allows and the engine refuses, each naming the activity.</summary>
public sealed class MultiInstanceValidationTests
{
    private static string Task(string element, string marker) => TestBpmn.Linear($"""
        <bpmn:{element} id="Node" {(element == "userTask" ? "nsp:assigneeRole=\"coordinator\"" : "nsp:handler=\"end-period\"")}>
          {marker}
        </bpmn:{element}>
        """);

    [Fact]
    public void A_multi_instance_user_task_over_a_list_variable_is_valid()
    {
        Assert.Empty(TestBpmn.Check(Task("userTask", """
            <bpmn:multiInstanceLoopCharacteristics isSequential="true" nsp:collection="shelters" nsp:elementVariable="shelter">
              <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">nrOfCompletedInstances &gt; 0</bpmn:completionCondition>
            </bpmn:multiInstanceLoopCharacteristics>
            """)));
    }

    [Fact]
    public void A_multi_instance_task_must_name_its_list()
    {
        var problem = Assert.Single(TestBpmn.Check(Task("userTask", "<bpmn:multiInstanceLoopCharacteristics />")));
        Assert.Equal("Node", problem.ElementId);
        Assert.Contains("names no list to repeat over; set nsp:collection", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_cardinality_is_refused_for_nsp_collection()
    {
        var problem = Assert.Single(TestBpmn.Check(Task("userTask", """
            <bpmn:multiInstanceLoopCharacteristics nsp:collection="shelters"><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
            """)));
        Assert.Equal("Node", problem.ElementId);
        Assert.Contains("loop cardinality", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_variable_may_not_hide_a_counter_and_the_condition_must_parse()
    {
        var problems = TestBpmn.Check(Task("userTask", """
            <bpmn:multiInstanceLoopCharacteristics nsp:collection="shelters" nsp:elementVariable="nrOfInstances">
              <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">nrOfCompletedInstances &gt;</bpmn:completionCondition>
            </bpmn:multiInstanceLoopCharacteristics>
            """));

        Assert.Equal(["Node", "Node"], problems.Select(p => p.ElementId));
        Assert.Contains(problems, p => p.Message.Contains("nsp:elementVariable=\"nrOfInstances\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("completion condition", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_user_tasks_and_call_activities_may_be_multi_instance()
    {
        var problem = Assert.Single(TestBpmn.Check(Task("serviceTask", """<bpmn:multiInstanceLoopCharacteristics nsp:collection="shelters" />""")));
        Assert.Equal("Node", problem.ElementId);
        Assert.Contains("Only user tasks and call activities may be multi-instance", problem.Message, StringComparison.Ordinal);
    }
}
