using NspWorkflow.Testing;

namespace NspWorkflow.Web.Tests.TestHost;

/// <summary>
/// Tests that start the app run one at a time: Hangfire keeps its storage in static state, so two hosts in
/// one process must not overlap. They share one PostgreSQL server and one browser.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "App";
}
