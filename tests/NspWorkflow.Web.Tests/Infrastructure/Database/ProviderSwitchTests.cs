using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Testing;
using NspWorkflow.Web.Features.Shelters;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Infrastructure.Database;

[Collection(AppCollection.Name)]
public sealed class ProviderSwitchTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_embedded_default_creates_and_migrates_a_sqlite_file_in_the_data_folder()
    {
        await using var app = await NspApp.StartAsync();

        Assert.True(File.Exists(Path.Combine(app.DataPath, "nsp.db")));
        await using var db = app.CreateDbContext();
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await AssertDemoSheltersServedAsync(app);
    }

    [Fact]
    public async Task On_postgresql_the_app_applies_its_migrations_to_a_real_server_and_serves_from_it()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var app = await NspApp.StartAsync(DatabaseProvider.PostgreSql, connectionString);

        Assert.False(File.Exists(Path.Combine(app.DataPath, "nsp.db")));
        await using var db = app.CreateDbContext();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await AssertDemoSheltersServedAsync(app);

        var health = await app.CreateClient().GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_shelter_round_trips_through_postgresql_with_every_field_intact()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var app = await NspApp.StartAsync(DatabaseProvider.PostgreSql, connectionString);
        var id = Guid.NewGuid();
        var details = new ShelterDetails("Boende Öst", Region.Ost,
            new ShelterCapacity(true, true, false, true, 4, [ExploitationForm.Begging, ExploitationForm.Sexual]),
            ["a@boende.example", "b@boende.example"], CertificationStatus.Certified, new DateOnly(2027, 6, 30));

        await using (var db = app.CreateDbContext())
        {
            db.Shelters.Add(Shelter.Create(id, details, app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Shelters.SingleAsync(s => s.Id == id);
            Assert.Equal(details.Name, stored.Name);
            Assert.Equal(details.Region, stored.Region);
            Assert.Equal(details.Capacity.Places, stored.Capacity.Places);
            Assert.Equal([ExploitationForm.Sexual, ExploitationForm.Begging], stored.Capacity.ExploitationForms);
            Assert.True(stored.Capacity.ActiveSubstanceAbuse);
            Assert.Equal(details.ContactEmails, stored.ContactEmails);
            Assert.Equal(details.CertifiedUntil, stored.CertifiedUntil);
            Assert.Equal(app.Clock.GetUtcNow(), stored.CreatedAt);
        }
    }

    [Fact]
    public async Task A_provider_that_is_not_supported_stops_the_start_with_a_message_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await NspApp.StartAsync(settings: new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });
        });
        Assert.Contains("Database:Provider", Flatten(error));
    }

    private static async Task AssertDemoSheltersServedAsync(NspApp app)
    {
        using var api = await app.ApiClientAsync("demo-coordinator");
        var shelters = await api.GetFromJsonAsync<List<ShelterSummary>>("/api/shelters", new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        });
        Assert.Equal(["Demoboende Nord", "Demoboende Syd"], shelters!.Select(s => s.Name));
        Assert.All(shelters!, s => Assert.Equal(CertificationStatus.Certified, s.CertificationStatus));
    }

    private static string Flatten(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " " + Flatten(error.InnerException);
}
