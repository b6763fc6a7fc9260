using NspWorkflow.Engine.Runtime;

namespace NspWorkflow.Engine.Tests.Runtime;

public class NonInterruptingMessageTests
{
    [Fact]
    public void A_non_interrupting_message_boundary_stays_subscribed_while_the_task_waits_and_goes_with_it()
    {
        var host = new RuntimeHarness("Runtime/non-interrupting-message.bpmn");
        host.Start(new { caseId = "C-1" });
        var subscription = Assert.Single(host.State.Messages);
        var task = host.Task("Task_Work");

        host.Deliver("note", "C-1", new { text = "first" });
        host.Deliver("note", "C-1", new { text = "second" });

        Assert.Equal(["Boundary_Note", "Send_Note", "End_Noted"], host.Entered());
        Assert.Equal(subscription, Assert.Single(host.State.Messages));
        Assert.Equal(task, host.Task("Task_Work"));
        Assert.Equal("second", host.State.Variables["text"].GetString());

        host.CompleteTask("Task_Work");

        Assert.Equal(new MessageUnsubscribed(subscription.SubscriptionId, "Boundary_Note", "note", "C-1"), Assert.Single(host.Effects<MessageUnsubscribed>()));
        Assert.Equal(InstanceStatus.Completed, host.State.Status);
    }
}
