using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace NspWorkflow.Bench;

/// <summary>
/// For <c>--show-sql</c>: collects what EF sends to the database (connections, transactions, commands) and the step's
/// batch (logged by the instance store, see <see cref="ILoggerProvider"/>) while <see cref="Recording"/> is on, so the
/// benchmark can print the round trips of one resume.
/// </summary>
public sealed class CommandLog : ILoggerProvider, ILogger
{
    private readonly List<string> lines = [];

    public static readonly EventId[] Events =
    [
        RelationalEventId.ConnectionOpened, RelationalEventId.TransactionStarted, RelationalEventId.CommandExecuted,
        RelationalEventId.TransactionCommitted, RelationalEventId.ConnectionClosed,
    ];

    public bool Recording { get; set; }

    public void Write(string line)
    {
        if (Recording)
        {
            lock (lines)
                lines.Add(line);
        }
    }

    ILogger ILoggerProvider.CreateLogger(string categoryName) => this;

    bool ILogger.IsEnabled(LogLevel logLevel) => Recording;

    void ILogger.Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Write($"{logLevel}: {formatter(state, exception)}");

    IDisposable? ILogger.BeginScope<TState>(TState state) => null;

    void IDisposable.Dispose()
    {
    }

    /// <summary>The lines recorded so far, and a fresh start.</summary>
    public IReadOnlyList<string> Take()
    {
        lock (lines)
        {
            var taken = lines.ToList();
            lines.Clear();
            return taken;
        }
    }
}
