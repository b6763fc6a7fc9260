using Npgsql;

namespace NspWorkflow.Testing;

/// <summary>
/// A real PostgreSQL server for the tests: the one <c>NSP_TEST_POSTGRES</c> names (CI starts it), or else a
/// private cluster started from the installed server binaries in a temporary folder. Each test gets a fresh
/// database. A missing server fails the tests: it never skips them.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _clusterDirectory;
    private string? _binDirectory;
    private string _adminConnectionString = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("NSP_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _adminConnectionString = configured;
            return;
        }
        await StartPrivateClusterAsync();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "nsp_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_clusterDirectory is null || _binDirectory is null)
            return;
        await RunAsPostgresAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        Directory.Delete(_clusterDirectory, recursive: true);
    }

    private string DataDirectory => Path.Combine(_clusterDirectory!, "data");

    private async Task StartPrivateClusterAsync()
    {
        _binDirectory = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (_binDirectory is null)
            throw new InvalidOperationException(
                "No PostgreSQL server for the tests: set NSP_TEST_POSTGRES to a server's connection string, " +
                "or install the server binaries (apt-get install postgresql) so the tests can start their own.");

        _clusterDirectory = Directory.CreateTempSubdirectory("nsp-pg-").FullName;
        if (IsRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await ExternalProcess.RunAsync("chown", ["postgres:postgres", _clusterDirectory], TimeSpan.FromSeconds(10));
        }
        var port = FreePort.Next();
        await RunAsPostgresAsync(Path.Combine(_binDirectory, "initdb"),
            ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await RunAsPostgresAsync(Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(_clusterDirectory, "log"), "-w", "-o",
             $"-p {port} -k {_clusterDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start"]);
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task RunAsPostgresAsync(string program, string[] arguments) =>
        IsRoot
            ? ExternalProcess.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], TimeSpan.FromMinutes(2))
            : ExternalProcess.RunAsync(program, arguments, TimeSpan.FromMinutes(2));
}
