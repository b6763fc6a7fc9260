using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Web.Infrastructure.Development;

namespace NspWorkflow.Web.Tests.TestHost;

/// <summary>Lets the app's development clock endpoint move the test's fake clock.</summary>
internal sealed class FakeClockAdapter(FakeTimeProvider clock) : IAdjustableClock
{
    public void Advance(TimeSpan by) => clock.Advance(by);
}
