namespace NspWorkflow.Data.Tests;

/// <summary>The retry rhythm the mail outbox and the timer sweep share.</summary>
public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(10, 60)]
    public void Backoff_doubles_from_one_minute_up_to_an_hour(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), RetryBackoff.After(attempts));
}
