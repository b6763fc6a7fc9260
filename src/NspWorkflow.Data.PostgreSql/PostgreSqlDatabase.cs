using Microsoft.EntityFrameworkCore;

namespace NspWorkflow.Data.PostgreSql;

/// <summary>Points the product's context at PostgreSql, with this assembly's migrations.</summary>
public static class PostgreSqlDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, sql => sql.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.GetName().Name));
}
