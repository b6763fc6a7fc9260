using NspWorkflow.Engine.Parsing;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Tests;

/// <summary>The models that can hang at a parallel join are warned of (the model stays valid); the plain fork and join is not.</summary>
public sealed class DeadlockWarningTests
{
    private static IReadOnlyList<ValidationProblem> Warnings(string file)
    {
        var xml = TestBpmn.Load(file);
        Assert.Empty(TestBpmn.Check(xml));
        return DeadlockWarnings.Of(new BpmnParser().Parse(xml).Document!);
    }

    [Fact]
    public void A_join_fed_from_an_exclusive_split_is_warned_of_naming_the_join_and_the_split()
    {
        var warning = Assert.Single(Warnings("Runtime/deadlock-exclusive-join.bpmn"));
        Assert.Equal("Join", warning.ElementId);
        Assert.Contains("exclusive gateway 'Choice'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boundary_flow_into_a_join_is_warned_of()
    {
        var warning = Assert.Single(Warnings("Runtime/deadlock-boundary-join.bpmn"));
        Assert.Equal("Join", warning.ElementId);
        Assert.Contains("activity 'Task_A' and its interrupting boundary events", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_drawn_back_into_a_fork_before_its_join_is_warned_of()
    {
        var warning = Assert.Single(Warnings("Runtime/deadlock-loop-fork.bpmn"));
        Assert.Equal("Join", warning.ElementId);
        Assert.Contains("a loop leads back into fork 'Fork' without passing the join", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Runtime/parallel.bpmn")]
    [InlineData("Runtime/join-rounds.bpmn")]
    [InlineData("pathway.bpmn")]
    public void A_fork_and_its_join_give_no_warning(string file)
    {
        Assert.Empty(Warnings(file));
    }
}
