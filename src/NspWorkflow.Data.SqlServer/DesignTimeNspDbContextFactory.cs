using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NspWorkflow.Data.SqlServer;

/// <summary>
/// Lets `dotnet ef` build the model for SqlServer without the web host. Adding migrations, scripting them and
/// checking for pending model changes never open this connection.
/// </summary>
public sealed class DesignTimeNspDbContextFactory : IDesignTimeDbContextFactory<NspDbContext>
{
    public NspDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<NspDbContext>();
        SqlServerDatabase.Configure(builder, "Server=localhost;Database=NspWorkflow;Trusted_Connection=True;TrustServerCertificate=True");
        return new NspDbContext(builder.Options);
    }
}
