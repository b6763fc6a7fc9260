using NspWorkflow.Testing;

namespace NspWorkflow.Data.Tests.Workflows;

/// <summary>The store tests share one PostgreSQL server (each test has a database of its own on it).</summary>
[CollectionDefinition(Name)]
public sealed class StoreCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "Store";
}
