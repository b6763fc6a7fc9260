using Microsoft.EntityFrameworkCore;

namespace NspWorkflow.Data.Sqlite;

/// <summary>Points the product's context at Sqlite, with this assembly's migrations.</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sql => sql.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
}
