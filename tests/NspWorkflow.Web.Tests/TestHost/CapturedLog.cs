using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NspWorkflow.Web.Tests.TestHost;

/// <summary>
/// Everything the app logs, as its providers would write it (the configured levels), plus Debug for the categories that
/// handle requests the framework could not bind (the framework's binding and the app's own): to check what reaches a log.
/// </summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    /// <summary>Every entry so far: category, message and exception, one string each.</summary>
    public IReadOnlyList<string> Entries => [.. entries];

    /// <summary>For <see cref="NspApp.StartAsync"/>'s <c>replaceServices</c>.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(options =>
        {
            foreach (var category in new[] { "NspWorkflow", "Microsoft.AspNetCore.Http.RequestDelegateFactory", "Microsoft.AspNetCore.Routing" })
                options.Rules.Add(new LoggerFilterRule(typeof(CapturedLog).FullName, category, LogLevel.Debug, null));
        });
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
