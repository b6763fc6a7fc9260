using Npgsql;

namespace NspWorkflow.Bench;

/// <summary>
/// A fresh database for one run: a temporary SQLite file, or a new database on the named PostgreSQL server. Shared by
/// the engine and the scale benchmarks (linked into the latter).
/// </summary>
public sealed record BenchDatabase(string Provider, string ConnectionString, Func<Task> DropAsync)
{
    public static async Task<BenchDatabase> CreateAsync(string provider, string? postgresConnection)
    {
        if (provider == "sqlite")
        {
            var path = Path.Combine(Path.GetTempPath(), $"nsp-bench-{Guid.NewGuid():N}.db");
            return new BenchDatabase("sqlite", $"Data Source={path};Pooling=True;Default Timeout=60", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
                    File.Delete(file);
                return Task.CompletedTask;
            });
        }

        var name = $"nsp_bench_{Guid.NewGuid():N}"[..24];
        await using (var admin = new NpgsqlConnection(postgresConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(postgresConnection) { Database = name }.ConnectionString;
        return new BenchDatabase("postgresql", connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(postgresConnection);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
