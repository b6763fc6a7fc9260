using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NspWorkflow.Data.PostgreSql;

/// <summary>
/// Lets `dotnet ef` build the model for PostgreSql without the web host. Adding migrations, scripting them and
/// checking for pending model changes never open this connection.
/// </summary>
public sealed class DesignTimeNspDbContextFactory : IDesignTimeDbContextFactory<NspDbContext>
{
    public NspDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<NspDbContext>();
        PostgreSqlDatabase.Configure(builder, "Host=localhost;Database=nsp_workflow;Username=nsp");
        return new NspDbContext(builder.Options);
    }
}
