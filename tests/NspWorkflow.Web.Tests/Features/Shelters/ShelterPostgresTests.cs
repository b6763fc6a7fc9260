using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Testing;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Web.Tests.Features.Shelters.ShelterFormClient;

namespace NspWorkflow.Web.Tests.Features.Shelters;

/// <summary>The register on a real PostgreSQL server: the concurrency token and the unique name as production has them.</summary>
[Collection(AppCollection.Name)]
public sealed class ShelterPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_shelter_is_created_and_edited_and_a_stale_edit_is_refused_on_PostgreSQL()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var app = await NspApp.StartAsync(DatabaseProvider.PostgreSql, connectionString);
        using var admin = await app.SignInAsync("admin");

        var created = await SubmitAsync(admin, "/shelters/new", Valid("Boende Öst").With("Form.Region", "Ost"));
        Assert.Equal("/shelters", created.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Boendet har sparats.", await ReadPageAsync(created));
        var shelter = await ShelterQueries.FindAsync(app, "Boende Öst");
        Assert.Equal(Region.Ost, shelter.Region);

        var path = $"/shelters/{shelter.Id}";
        var staleForm = await admin.GetStringAsync(path);
        var edited = await SubmitAsync(admin, path, Valid("Boende Östergötland").With("Form.Region", "Ost").With("Form.Places", "20"));
        Assert.Equal("/shelters", edited.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(">Boende Östergötland</a>", await ReadPageAsync(edited));
        var saved = await ShelterQueries.FindAsync(app, "Boende Östergötland");
        Assert.Equal(20, saved.Capacity.Places);
        Assert.NotEqual(shelter.Version, saved.Version);

        var stale = await PostAsync(admin, path, staleForm, Valid("Boende Öst").With("Form.Region", "Ost"));
        Assert.Contains("Boendet har ändrats av någon annan sedan du öppnade det.", await ReadPageAsync(stale));
        Assert.Equal("Boende Östergötland", (await ShelterQueries.FindAsync(app, shelter.Id)).Name);

        var duplicate = await SubmitAsync(admin, "/shelters/new", Valid("Boende Östergötland"));
        Assert.Contains("Det finns redan ett boende med namnet \"Boende Östergötland\".", await ReadPageAsync(duplicate));
        await using var db = app.CreateDbContext();
        Assert.Equal(3, await db.Shelters.CountAsync());
    }
}
