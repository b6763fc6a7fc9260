using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NspWorkflow.Data.PostgreSql;
using NspWorkflow.Data.Sqlite;
using NspWorkflow.Data.SqlServer;

namespace NspWorkflow.Data.Tests;

/// <summary>
/// Every provider carries its own migrations, generated from the one model: when the model changes, each
/// provider needs a new migration, or its database would silently differ from the code.
/// </summary>
public sealed class MigrationsTests
{
    private static readonly string[] ProviderNames = ["Sqlite", "PostgreSql", "SqlServer"];

    public static TheoryData<string> Providers => new(ProviderNames);

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_has_migrations_matching_the_model(string provider)
    {
        using var db = Create(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider} has model changes without a migration.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_takes_its_migrations_from_its_own_assembly(string provider)
    {
        using var db = Create(provider);

        var assembly = db.GetService<IMigrationsAssembly>().Assembly.GetName().Name;

        Assert.Equal($"NspWorkflow.Data.{provider}", assembly);
    }

    [Fact]
    public void The_same_tables_exist_on_every_provider()
    {
        var tables = ProviderNames.Select(p =>
        {
            using var db = Create(p);
            return string.Join(",", db.Model.GetEntityTypes().Select(e => e.GetTableName()).Order());
        }).Distinct().ToList();

        Assert.Single(tables);
    }

    private static NspDbContext Create(string provider)
    {
        var builder = new DbContextOptionsBuilder<NspDbContext>();
        // No connection is opened: the model and the migrations are all these tests read.
        _ = provider switch
        {
            "Sqlite" => SqliteDatabase.Configure(builder, "Data Source=:memory:"),
            "PostgreSql" => PostgreSqlDatabase.Configure(builder, "Host=localhost;Database=unused"),
            "SqlServer" => SqlServerDatabase.Configure(builder, "Server=localhost;Database=unused"),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        return new NspDbContext(builder.Options);
    }
}
