using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Parsing;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Tests;

/// <summary>
/// Reading and checking the inclusive gateway: conditions are allowed on its outgoing flows, every flow of a split but the
/// default has one, and a split whose conditions can all be false needs a default; each problem names the element. An
/// inclusive split into a parallel join is warned of.
/// </summary>
public sealed class InclusiveGatewayValidationTests
{
    /// <summary>Start → inclusive gateway G (attributes <paramref name="gateway"/>) → <paramref name="flows"/>, each to end E.</summary>
    private static string Split(string gateway, string flows) => TestBpmn.Wrap($"""
        <bpmn:startEvent id="StartEvent_1" />
        <bpmn:sequenceFlow id="F_Start" sourceRef="StartEvent_1" targetRef="G" />
        <bpmn:inclusiveGateway id="G" {gateway} />
        {flows}
        <bpmn:endEvent id="E" />
        """);

    private static string Flow(string id, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="G" targetRef="E" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="G" targetRef="E"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>""";

    [Fact]
    public void The_parser_reads_the_gateway_its_name_and_its_default_flow()
    {
        var result = new BpmnParser().Parse(TestBpmn.Load("Runtime/inclusive-split.bpmn"));

        Assert.Empty(result.Problems);
        var process = result.Document!.Processes.Single();
        Assert.Equal(new InclusiveGateway("Split", "Which help?", "Flow_C"), process.Nodes["Split"]);
        Assert.True(process.FlowsById["Flow_C"].IsDefault);
        Assert.False(process.FlowsById["Flow_A"].IsDefault);
        Assert.Equal("a === true", process.FlowsById["Flow_A"].Condition);
        Assert.Equal(["Join"], process.InclusiveJoins.Select(j => j.Id));
        Assert.Equal(["Split", "StartEvent_1", "Task_A"], process.NodesReaching("Flow_A2").Order());
    }

    [Fact]
    public void The_nodes_reaching_a_flow_of_an_inclusive_join_are_found_backwards_through_boundary_events_and_not_through_the_join()
    {
        var boundary = new BpmnParser().Parse(TestBpmn.Load("Runtime/inclusive-join-boundary.bpmn")).Document!.Processes.Single();
        Assert.Equal(["Boundary_Escalate", "Fork", "StartEvent_1", "Task_Watch"], boundary.NodesReaching("Flow_Escalate").Order());
        Assert.Equal(["Fork", "StartEvent_1", "Task_Main"], boundary.NodesReaching("Flow_Main2").Order());
        Assert.Empty(boundary.NodesReaching("Flow_Watch2")); // not a flow into an inclusive join

        // Two joins in a loop: the walk back from Join_2's flow stops at Join_2 itself, not at Join_1.
        var loop = new BpmnParser().Parse(TestBpmn.Load("Runtime/inclusive-deadlock.bpmn")).Document!.Processes.Single();
        Assert.Equal(["Fork", "Join_1", "StartEvent_1"], loop.NodesReaching("Flow_12").Order());
        Assert.Equal(["Fork", "Join_2", "StartEvent_1"], loop.NodesReaching("Flow_21").Order());
    }

    [Fact]
    public void Processes_without_inclusive_joins_have_none_to_check()
    {
        var process = new BpmnParser().Parse(TestBpmn.Load("Runtime/parallel.bpmn")).Document!.Processes.Single();

        Assert.Empty(process.InclusiveJoins);
        Assert.Empty(process.NodesReaching("Flow_A2"));
    }

    [Theory]
    [InlineData("Runtime/inclusive-split.bpmn")]
    [InlineData("Runtime/inclusive-join-wait.bpmn")]
    [InlineData("Runtime/inclusive-deadlock.bpmn")]
    public void Conditions_on_flows_leaving_an_inclusive_gateway_are_valid(string file)
    {
        Assert.Empty(TestBpmn.Check(TestBpmn.Load(file)));
    }

    [Fact]
    public void A_flow_of_a_split_without_a_condition_that_is_not_the_default_is_named()
    {
        var problems = TestBpmn.Check(Split("""default="F_Other" """, Flow("F_A", "a === true") + Flow("F_Plain") + Flow("F_Other")));

        var problem = Assert.Single(problems);
        Assert.Equal("F_Plain", problem.ElementId);
        Assert.Contains("leaves inclusive gateway 'G' without a condition", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_that_can_all_be_false_without_a_default_are_an_error_on_the_gateway()
    {
        var problem = Assert.Single(TestBpmn.Check(TestBpmn.Load("Runtime/inclusive-no-default.bpmn")));

        Assert.Equal("Split", problem.ElementId);
        Assert.Contains("can all be false and no default flow", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_that_is_not_an_outgoing_flow_is_named_on_the_gateway()
    {
        var problems = TestBpmn.Check(Split("""default="F_Start" """, Flow("F_A", "a === true") + Flow("F_B", "b === true")));

        var problem = Assert.Single(problems, p => p.ElementId == "G" && p.Message.Contains("as its default flow", StringComparison.Ordinal));
        Assert.Contains("'F_Start'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("not one of its outgoing flows", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_flow_with_a_condition_is_named()
    {
        var problem = Assert.Single(TestBpmn.Check(Split("""default="F_B" """, Flow("F_A", "a === true") + Flow("F_B", "b === true"))));

        Assert.Equal("F_B", problem.ElementId);
        Assert.Contains("is the default flow and also has a condition", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_attribute_on_the_gateway_is_named()
    {
        var problem = Assert.Single(TestBpmn.Check(Split("""default="F_B" colour="red" """, Flow("F_A", "a === true") + Flow("F_B"))));

        Assert.Equal("G", problem.ElementId);
        Assert.Contains("'colour' on inclusive gateway 'G'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_on_a_flow_leaving_a_task_names_both_gateways_that_may_choose()
    {
        var xml = TestBpmn.Linear("""<bpmn:userTask id="Node" nsp:assigneeRole="coordinator" />""")
            .Replace("""<bpmn:sequenceFlow id="Flow_Out" sourceRef="Node" targetRef="EndEvent_1" />""",
                """<bpmn:sequenceFlow id="Flow_Out" sourceRef="Node" targetRef="EndEvent_1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">a</bpmn:conditionExpression></bpmn:sequenceFlow>""",
                StringComparison.Ordinal);

        var problem = Assert.Single(TestBpmn.Check(xml));
        Assert.Equal("Flow_Out", problem.ElementId);
        Assert.Contains("only exclusive and inclusive gateways may choose", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_complex_gateway_is_still_refused()
    {
        var problem = Assert.Single(TestBpmn.Check(TestBpmn.Linear("""<bpmn:complexGateway id="Node" />""")));

        Assert.Equal("Node", problem.ElementId);
        Assert.Contains("only exclusive, inclusive, parallel and event-based gateways are supported", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inclusive_split_into_a_parallel_join_is_warned_of_naming_the_join_and_the_split()
    {
        var xml = TestBpmn.Load("Runtime/inclusive-parallel-join.bpmn");
        Assert.Empty(TestBpmn.Check(xml));

        var warning = Assert.Single(DeadlockWarnings.Of(new BpmnParser().Parse(xml).Document!));

        Assert.Equal("Join", warning.ElementId);
        Assert.Contains("inclusive gateway 'Split'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("only the branches whose conditions hold", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Runtime/inclusive-split.bpmn")]
    [InlineData("Runtime/inclusive-join-wait.bpmn")]
    public void An_inclusive_join_gives_no_deadlock_warning(string file)
    {
        Assert.Empty(DeadlockWarnings.Of(new BpmnParser().Parse(TestBpmn.Load(file)).Document!));
    }
}
