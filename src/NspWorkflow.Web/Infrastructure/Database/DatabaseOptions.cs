using NspWorkflow.Data;

namespace NspWorkflow.Web.Infrastructure.Database;

/// <summary><c>Database:*</c> and <c>ConnectionStrings:Nsp</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    public required string ConnectionString { get; init; }

    /// <summary>Apply pending migrations at start-up. Always on for the embedded SQLite file.</summary>
    public bool Migrate { get; init; }

    public static DatabaseOptions FromConfiguration(IConfiguration configuration, string dataPath)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
            throw new InvalidOperationException(
                $"Database:Provider '{providerText}' is not supported. Use Sqlite, PostgreSql or SqlServer.");

        var connectionString = configuration.GetConnectionString("Nsp");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException($"ConnectionStrings:Nsp is required when Database:Provider is {provider}.");
            connectionString = $"Data Source={Path.Combine(dataPath, "nsp.db")}";
        }

        return new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = connectionString,
            Migrate = provider == DatabaseProvider.Sqlite || configuration.GetValue("Database:Migrate", false),
        };
    }
}
