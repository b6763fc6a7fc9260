using Npgsql;
using NspWorkflow.Data.PostgreSql;

namespace NspWorkflow.Data.Tests;

/// <summary>The product tunes its PostgreSQL connections for workflow steps unless the operator's connection string decides.</summary>
public sealed class PostgreSqlConnectionTests
{
    [Fact]
    public void A_connection_string_without_a_choice_gets_prepared_statements_and_no_reset()
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgreSqlDatabase.Tuned("Host=db;Database=nsp;Username=nsp"));

        Assert.Equal(PostgreSqlDatabase.DefaultMaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal(("db", "nsp", "nsp"), (settings.Host, settings.Database, settings.Username));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false", 0, 5, false)]
    [InlineData("Host=db;MaxAutoPrepare=10;NoResetOnClose=false", 10, 5, false)]
    [InlineData("Host=db;max auto prepare=5;Auto Prepare Min Usages=7", 5, 7, true)]
    public void An_operators_own_settings_are_kept(string connectionString, int maxAutoPrepare, int minUsages, bool noReset)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgreSqlDatabase.Tuned(connectionString));

        Assert.Equal((maxAutoPrepare, minUsages, noReset), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages, settings.NoResetOnClose));
    }
}
