using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// The engine tables as a step writes them by hand (see <see cref="StepWriter"/>): names quoted for the provider and
/// each column's type mapping, read once from the EF model, so the SQL stays the model's on every provider. One per
/// host, like <see cref="InstanceQueries"/>: it binds to the first context's provider (and its logger factory, for the
/// batch's debug log, so a step does not look its logger up every time).
/// </summary>
public sealed class StepTables
{
    private Bound? bound;

    /// <summary>The tables of <paramref name="db"/>'s model, read on first use.</summary>
    internal Bound For(NspDbContext db) => bound ?? Interlocked.CompareExchange(ref bound, Bind(db), null) ?? bound!;

    private static Bound Bind(NspDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var postgreSql = db.Database.ProviderName == PostgreSqlProvider;
        StepTable Table<T>() => new(db.Model.FindEntityType(typeof(T))!, sql, postgreSql);
        return new Bound(Table<WorkflowInstanceRow>(), Table<WorkflowTaskRow>(), Table<WorkflowTimerRow>(),
            Table<MessageSubscriptionRow>(), Table<WorkflowJournalRow>(), Table<WorkflowIncidentRow>(),
            db.GetService<ILoggerFactory>().CreateLogger<StepBatch>(),
            postgreSql, Table<WorkflowScheduledStartRow>());
    }

    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <param name="AtomicBatches">
    /// The provider runs a batch sent outside a transaction as one implicit transaction that a failing statement rolls
    /// back whole (PostgreSQL: Npgsql ends a batch with a single Sync). A step alone can then be sent without
    /// BEGIN and COMMIT, its row checks made by the statements themselves (see <see cref="StepBatch"/>).
    /// </param>
    /// <param name="ScheduledStarts">The claims of timer start events' occurrences (see <see cref="WorkflowScheduledStartRow"/>).</param>
    internal sealed record Bound(
        StepTable Instances, StepTable Tasks, StepTable Timers, StepTable Subscriptions, StepTable Journal, StepTable Incidents,
        ILogger BatchLog, bool AtomicBatches, StepTable ScheduledStarts);
}

/// <summary>A column: its quoted name and the type mapping that turns a value into the provider's parameter.</summary>
internal sealed record StepColumn(string Name, RelationalTypeMapping Mapping);

/// <summary>One table: quoted names, and the statement texts a step uses, cached by shape.</summary>
internal sealed class StepTable
{
    private readonly FrozenDictionary<string, StepColumn> columns;
    private readonly ISqlGenerationHelper sql;
    private readonly bool postgreSql;
    private readonly ConcurrentDictionary<string, string> statements = new();
    private readonly ConcurrentDictionary<string, string> guarded = new();

    /// <param name="postgreSql">
    /// Placeholders <c>$1</c>, <c>$2</c>, ... with unnamed parameters, which Npgsql sends as they are: named ones make it
    /// parse every statement of every step to rewrite them, a fifth of a resume's garbage in the engine benchmark.
    /// </param>
    public StepTable(IEntityType entity, ISqlGenerationHelper sql, bool postgreSql)
    {
        this.sql = sql;
        this.postgreSql = postgreSql;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Name = sql.DelimitIdentifier(table.Name, table.Schema);
        EntityName = entity.ClrType.Name;
        columns = entity.GetProperties().ToFrozenDictionary(
            p => p.Name,
            p => new StepColumn(sql.DelimitIdentifier(p.GetColumnName(table)!), p.GetRelationalTypeMapping()));
    }

    public string Name { get; }

    /// <summary>The row type, for messages.</summary>
    public string EntityName { get; }

    public StepColumn this[string property] => columns[property];

    /// <summary>The placeholder of a statement's <paramref name="index"/>th parameter.</summary>
    public string Parameter(int index) => postgreSql ? $"${index + 1}" : sql.GenerateParameterNamePlaceholder($"p{index}");

    /// <summary>The name of a statement's <paramref name="index"/>th parameter, as the provider's parameters spell it (empty when positional).</summary>
    public string ParameterName(int index) => postgreSql ? "" : sql.GenerateParameterName($"p{index}");

    /// <summary><c>INSERT INTO table (columns) VALUES (...), (...)</c> for <paramref name="rows"/> rows, parameters row by row.</summary>
    public string Insert(IReadOnlyList<string> properties, int rows) =>
        statements.GetOrAdd($"I{rows}:{string.Join(',', properties)}", _ =>
        {
            var names = string.Join(", ", properties.Select(p => this[p].Name));
            var values = Enumerable.Range(0, rows).Select(row =>
                "(" + string.Join(", ", properties.Select((_, column) => Parameter(row * properties.Count + column))) + ")");
            return $"INSERT INTO {Name} ({names}) VALUES {string.Join(", ", values)}";
        });

    /// <summary><c>UPDATE table SET a = @p0, ... WHERE k = @pN AND ...</c>: parameters for the set columns, then the conditions.</summary>
    public string Update(IReadOnlyList<string> set, IReadOnlyList<string> where) =>
        statements.GetOrAdd($"U:{string.Join(',', set)}:{string.Join(',', where)}", _ =>
            $"UPDATE {Name} SET {string.Join(", ", set.Select(Assign))} " +
            $"WHERE {string.Join(" AND ", where.Select((p, i) => $"{this[p].Name} = {Parameter(set.Count + i)}"))}");

    /// <summary>A statement of a fixed text that <paramref name="build"/> writes once, under <paramref name="key"/>.</summary>
    public string Fixed(string key, Func<StepTable, string> build) =>
        statements.GetOrAdd(key, static (_, args) => args.build(args.table), (table: this, build));

    /// <inheritdoc cref="Fixed(string, Func{StepTable, string})"/>
    public string Fixed<TState>(string key, TState state, Func<StepTable, TState, string> build) =>
        statements.GetOrAdd(key, static (_, args) => args.build(args.table, args.state), (table: this, state, build));

    /// <summary><c>DELETE FROM table WHERE k = @p0 AND ...</c>.</summary>
    public string Delete(IReadOnlyList<string> where) =>
        statements.GetOrAdd($"D:{string.Join(',', where)}", _ =>
            $"DELETE FROM {Name} WHERE {string.Join(" AND ", where.Select((p, i) => $"{this[p].Name} = {Parameter(i)}"))}");

    /// <summary>
    /// <paramref name="statement"/> (an UPDATE or DELETE) made to fail unless it changed exactly one row: PostgreSQL
    /// SQL, for a batch that runs as one implicit transaction, where the failure is what rolls the step back. The
    /// division by zero (SQLSTATE 22012) is the refusal; <see cref="StepBatch"/> takes it as one and the store then runs
    /// the step in a transaction to learn which check it was.
    /// </summary>
    public string ExactlyOneRow(string statement) =>
        guarded.GetOrAdd(statement, sql =>
            $"WITH changed AS ({sql} RETURNING 1) SELECT 1 / (SELECT CASE WHEN COUNT(*) = 1 THEN 1 ELSE 0 END FROM changed)");

    /// <summary><c>column = @p{index}</c>.</summary>
    public string Assign(string property, int index) => $"{this[property].Name} = {Parameter(index)}";
}
