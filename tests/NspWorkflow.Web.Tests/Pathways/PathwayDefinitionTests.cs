using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Web.Tests.Pathways;

/// <summary>Each pathway file is publishable as it is: the engine finds no problem with the app's names.</summary>
public sealed class PathwayDefinitionTests
{
    public static TheoryData<string> Files => [.. PathwayFiles.ProcessIds];

    [Theory]
    [MemberData(nameof(Files))]
    public void The_file_holds_its_one_process_and_validates_without_problems(string processId)
    {
        var (document, problems) = new DefinitionChecker().Check(PathwayFiles.Xml(processId), PathwayFiles.Context());

        Assert.True(problems.IsEmpty, string.Join("\n", problems.Select(p => $"{p.ElementId}: {p.Message}")));
        var process = Assert.Single(document!.Processes);
        Assert.Equal(processId, process.Id);
    }

    [Fact]
    public void Without_the_other_pathway_processes_the_callers_name_exactly_the_processes_they_call()
    {
        var vocabulary = PathwayFiles.Vocabulary().ToValidationContext();
        var unknownCalls = PathwayFiles.ProcessIds.ToDictionary(id => id, id =>
            new DefinitionChecker().Check(PathwayFiles.Xml(id), vocabulary).Problems.Select(p => p.ElementId).Order().ToArray());

        Assert.Equal(["Activity_Admission", "Activity_Extended", "Activity_Integration", "Activity_Reflection"], unknownCalls["nsp-case"]);
        Assert.Equal(["Activity_NextStep"], unknownCalls["nsp-reflection"]);
        Assert.Equal(["Activity_NextStep"], unknownCalls["nsp-extended"]);
        Assert.All(["nsp-admission", "nsp-next-step", "nsp-integration", "nsp-point-intervention", "nsp-motivated-supplement"], id => Assert.Empty(unknownCalls[id]));
    }

    [Fact]
    public void Every_reminder_is_a_non_interrupting_timer_seven_or_two_days_before_the_last_days_morning()
    {
        // Written as nsp:daysBefore and nsp:before, which the engine runs as this expression.
        var reminders = PathwayFiles.ProcessIds
            .SelectMany(id => new DefinitionChecker().Check(PathwayFiles.Xml(id), PathwayFiles.Context()).Document!.Processes[0].NodesInOrder
                .OfType<BoundaryEvent>().Where(b => b.Trigger is TimerTrigger)
                .Select(b => (Process: id, b.AttachedToId, b.Interrupting, Timer: ((ExpressionTimer)((TimerTrigger)b.Trigger!).Timer).Expression)))
            .ToList();

        Assert.Equal(
            [
                ("nsp-reflection", "Activity_NextStep", false, "addDays(periodLastDayMorning, -7)"),
                ("nsp-reflection", "Activity_NextStep", false, "addDays(periodLastDayMorning, -2)"),
                ("nsp-extended", "Activity_NextStep", false, "addDays(periodLastDayMorning, -7)"),
                ("nsp-extended", "Activity_NextStep", false, "addDays(periodLastDayMorning, -2)"),
                ("nsp-integration", "Task_ExitReport", false, "addDays(periodLastDayMorning, -7)"),
                ("nsp-integration", "Task_ExitReport", false, "addDays(periodLastDayMorning, -2)"),
            ],
            reminders.Select(r => (r.Process, r.AttachedToId!, r.Interrupting, r.Timer)));
    }
}
