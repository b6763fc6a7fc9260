using Npgsql;
using NspWorkflow.Data.PostgreSql;

namespace NspWorkflow.Data.Tests;

/// <summary>The product prepares its repeated statements on PostgreSQL unless the operator's connection string decides.</summary>
public sealed class PostgreSqlConnectionTests
{
    [Fact]
    public void A_connection_string_without_a_choice_gets_prepared_statements()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            PostgreSqlDatabase.WithPreparedStatements("Host=db;Database=nsp;Username=nsp"));

        Assert.Equal(PostgreSqlDatabase.DefaultMaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.Equal("db", settings.Host);
        Assert.Equal("nsp", settings.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=10")]
    [InlineData("Host=db;max auto prepare=5;Auto Prepare Min Usages=7")]
    public void An_operators_own_setting_is_kept(string connectionString) =>
        Assert.Equal(connectionString, PostgreSqlDatabase.WithPreparedStatements(connectionString));
}
