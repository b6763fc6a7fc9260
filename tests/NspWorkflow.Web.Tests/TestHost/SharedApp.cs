namespace NspWorkflow.Web.Tests.TestHost;

/// <summary>
/// One app on the embedded default for all tests of a class that only read it or sign in: starting the app
/// once per class rather than per test keeps the suite fast. Tests that change the app's state start their own.
/// </summary>
public sealed class SharedApp : IAsyncLifetime
{
    public NspApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await NspApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
