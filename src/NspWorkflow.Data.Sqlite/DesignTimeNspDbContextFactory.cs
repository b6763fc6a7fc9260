using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NspWorkflow.Data.Sqlite;

/// <summary>
/// Lets `dotnet ef` build the model for Sqlite without the web host. Adding migrations, scripting them and
/// checking for pending model changes never open this connection.
/// </summary>
public sealed class DesignTimeNspDbContextFactory : IDesignTimeDbContextFactory<NspDbContext>
{
    public NspDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<NspDbContext>();
        SqliteDatabase.Configure(builder, "Data Source=design-time.db");
        return new NspDbContext(builder.Options);
    }
}
