using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NspWorkflow.Data.PostgreSql;

/// <summary>Points the product's context at PostgreSql, with this assembly's migrations.</summary>
public static class PostgreSqlDatabase
{
    /// <summary>Statements each pooled connection keeps prepared, unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(WithPreparedStatements(connectionString),
            sql => sql.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.GetName().Name));

    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the connection string sets it. Every workflow step sends the same
    /// dozen statements; prepared once per connection, PostgreSQL stops parsing and planning them on every step, which
    /// the engine benchmark measured as a third more resumes per second.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        // NpgsqlConnectionStringBuilder answers every keyword it knows as present; the plain builder only those given.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
            return connectionString;
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        settings.MaxAutoPrepare = DefaultMaxAutoPrepare;
        settings.AutoPrepareMinUsages = 2;
        return settings.ConnectionString;
    }
}
