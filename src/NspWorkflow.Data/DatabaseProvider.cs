namespace NspWorkflow.Data;

/// <summary>The database the product runs on, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: a file in the data folder, nothing to install.</summary>
    Sqlite,
    PostgreSql,
    SqlServer,
}
