using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NspWorkflow.Bench;

/// <summary>
/// The ceiling for durable workflow steps: one single-row UPDATE per committed transaction, on the same database
/// and at the same concurrency as the engine runs. The engine's goal is at least half of this rate.
/// </summary>
public sealed class RawUpdateBenchmark(Func<DbConnection> connect, bool sqlite)
{
    private const int Rows = 1000;

    public async Task PrepareAsync()
    {
        await using var connection = connect();
        await connection.OpenAsync();
        // EF Core creates its SQLite databases in WAL mode: the baseline must run in the same mode.
        if (sqlite)
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL");
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS bench_counter");
        await ExecuteAsync(connection, "CREATE TABLE bench_counter (id INTEGER PRIMARY KEY, value BIGINT NOT NULL)");
        await using var insert = connection.BeginTransaction();
        for (var id = 0; id < Rows; id++)
            await ExecuteAsync(connection, $"INSERT INTO bench_counter (id, value) VALUES ({id}, 0)", insert);
        await insert.CommitAsync();
    }

    public Task<Measurement> RunAsync(int clients, TimeSpan duration) => Measurement.RunAsync(clients, duration, UpdateOnceAsync);

    /// <summary>One transaction of one UPDATE; <paramref name="client"/> and <paramref name="i"/> pick the row.</summary>
    public async Task UpdateOnceAsync(int client, long i)
    {
        // A fresh pooled connection per transaction, as a request-scoped DbContext would use.
        await using var connection = connect();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Each client updates its own rows, so the figure is the commit rate, not lock contention.
        command.CommandText = $"UPDATE bench_counter SET value = value + 1 WHERE id = {(client * 97 + i) % Rows}";
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>The baseline on the benchmark's own database, so both figures come from the same server and file.</summary>
    public static RawUpdateBenchmark For(BenchDatabase database) =>
        database.Provider == "sqlite"
            ? new RawUpdateBenchmark(() => new SqliteConnection(database.ConnectionString), sqlite: true)
            : new RawUpdateBenchmark(() => new NpgsqlConnection(database.ConnectionString), sqlite: false);

    private static async Task ExecuteAsync(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
