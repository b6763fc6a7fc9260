using System.Data.Common;

namespace NspWorkflow.Data.Workflows;

/// <summary>What a statement's affected-row count must be, and what it means when it is not.</summary>
internal enum StepRows
{
    /// <summary>Any count (an insert, or an update that may find nothing to do).</summary>
    Any,
    /// <summary>Exactly one row, else another step got there first (the instance's sequence, a consumed subscription).</summary>
    OneOrConflict,
    /// <summary>Exactly one row, else the row does not exist, which no retry fixes (a task or timer the state names).</summary>
    OneOrMissing,
}

/// <summary>How a batch went: stored, lost to another step, or refused because a row it updates is missing.</summary>
internal sealed record StepBatchResult(bool Conflict, string? MissingRowType)
{
    public static readonly StepBatchResult Stored = new(false, null);
}

/// <summary>
/// A step's writes as parameterised statements, sent as one <see cref="DbBatch"/> (one round trip) where the provider
/// has batches (PostgreSQL, SQL Server), else one command after another (SQLite, in process). Each statement's
/// affected-row count is checked against its <see cref="StepRows"/>; the caller's transaction decides what is kept,
/// or, in <see cref="ExecuteAtomicallyAsync"/>, the batch's own implicit transaction.
/// </summary>
internal sealed class StepBatch
{
    private readonly List<Statement> statements = [];

    public int Count => statements.Count;

    /// <summary>
    /// The statements' SQL (no values: those may be personal data), for a debug log; <paramref name="guarded"/> as
    /// <see cref="ExecuteAtomicallyAsync"/> sends them.
    /// </summary>
    public string Describe(bool guarded) => string.Join(";\n", statements.Select(s => Text(s, guarded)));

    private static string Text(Statement statement, bool guarded) =>
        guarded && statement.Rows != StepRows.Any ? statement.Table.ExactlyOneRow(statement.Sql) : statement.Sql;

    public void Add(StepTable table, string sql, StepRows rows, params ReadOnlySpan<(StepColumn Column, object? Value)> values) =>
        statements.Add(new Statement(table, sql, rows, values.ToArray()));

    public async Task<StepBatchResult> ExecuteAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
            return StepBatchResult.Stored;

        if (connection.CanCreateBatch)
        {
            await using var batch = CreateBatch(connection, transaction, guarded: false);
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return Check(index => batch.BatchCommands[index].RecordsAffected);
        }

        // A scratch command makes the provider's parameters: the type mappings configure them (types, converters).
        await using var factory = connection.CreateCommand();
        var affected = new int[statements.Count];
        for (var index = 0; index < statements.Count; index++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statements[index].Sql;
            AddParameters(factory, statements[index], command.Parameters);
            affected[index] = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return Check(index => affected[index]);
    }

    /// <summary>
    /// The batch outside any transaction, on a provider that runs it as one implicit transaction (PostgreSQL), so the
    /// step costs no BEGIN and no COMMIT round trip. Each checked statement checks its own row count and fails when
    /// it is wrong, which rolls back everything the batch did. False when a check failed: the failure does not say
    /// which (the provider does not name the batch's failing statement), so the caller runs the step again in a
    /// transaction of its own, where <see cref="ExecuteAsync"/> reads every count (rare: a lost race, a missing row).
    /// </summary>
    public async Task<bool> ExecuteAtomicallyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
            return true;

        await using var batch = CreateBatch(connection, transaction: null, guarded: true);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (DbException exception) when (exception.SqlState == DivisionByZero)
        {
            // The checks' refusal (see StepTable.ExactlyOneRow); no statement of a step divides otherwise.
            return false;
        }
    }

    private const string DivisionByZero = "22012";

    private DbBatch CreateBatch(DbConnection connection, DbTransaction? transaction, bool guarded)
    {
        // A scratch command makes the provider's parameters: the type mappings configure them (types, converters).
        using var factory = connection.CreateCommand();
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var statement in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = Text(statement, guarded);
            AddParameters(factory, statement, command.Parameters);
            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    private StepBatchResult Check(Func<int, int> affected)
    {
        for (var index = 0; index < statements.Count; index++)
        {
            var statement = statements[index];
            if (statement.Rows != StepRows.Any && affected(index) != 1)
                return Refusal(statement);
        }

        return StepBatchResult.Stored;
    }

    private static StepBatchResult Refusal(Statement statement) =>
        statement.Rows == StepRows.OneOrConflict ? new StepBatchResult(true, null) : new StepBatchResult(false, statement.Table.EntityName);

    private static void AddParameters(DbCommand factory, Statement statement, DbParameterCollection parameters)
    {
        for (var index = 0; index < statement.Values.Length; index++)
        {
            var (column, value) = statement.Values[index];
            parameters.Add(column.Mapping.CreateParameter(factory, statement.Table.ParameterName(index), value, nullable: value is null));
        }
    }

    private sealed record Statement(StepTable Table, string Sql, StepRows Rows, (StepColumn Column, object? Value)[] Values);
}
