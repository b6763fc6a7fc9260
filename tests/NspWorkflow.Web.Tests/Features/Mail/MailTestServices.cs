using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Data;
using NspWorkflow.Data.Outbox;
using NspWorkflow.Data.Sqlite;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Tests.Features.Mail;

/// <summary>
/// The mail feature as the app wires it (<see cref="MailModule.AddMail"/>), on a migrated
/// SQLite file of its own and a fake clock; no web host.
/// </summary>
internal sealed class MailTestServices : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "nsp-mail-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider provider;

    private MailTestServices(Dictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var app = new AppOptions { DataPath = folder, PublicUrl = new Uri("http://localhost/") };
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(Time);
        // No pooling: the file is deleted at the end, and each sender below really has a connection of its own.
        services.AddDbContext<NspDbContext>(builder =>
            SqliteDatabase.Configure(builder, $"Data Source={Path.Combine(folder, "nsp.db")};Pooling=False"));
        services.AddMail(configuration, app);
        // Hangfire's client stands in for the app's (which needs job storage); it records what the mail feature queues.
        services.AddSingleton<Hangfire.IBackgroundJobClient>(Jobs);
        configure?.Invoke(services);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    public RecordingLoggerProvider Logs { get; } = new();
    public RecordingJobClient Jobs { get; } = new();
    public IServiceProvider Services => provider;

    /// <param name="leaseSeconds">The sender's claim lease (<c>Mail:ClaimLeaseSeconds</c>); null: the default.</param>
    /// <param name="configure">Only to put a fault around a real component (a slow transport).</param>
    public static Task<MailTestServices> WithSmtpAsync(int port, int maxAttempts = 10, int batchSize = 50, int? leaseSeconds = null,
        Action<IServiceCollection>? configure = null) =>
        CreateAsync(new()
        {
            ["Mail:ClaimLeaseSeconds"] = leaseSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // aiosmtpd offers no TLS here; "None" also proves the name binds.
            ["Mail:Smtp:Security"] = "None",
            ["Mail:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, configure);

    public static Task<MailTestServices> WithPickupDirectoryAsync() => CreateAsync(new());

    public string DataPath => folder;

    public async Task<Guid> EnqueueAsync(OutboxMailDraft draft)
    {
        await using var scope = provider.CreateAsyncScope();
        var id = scope.ServiceProvider.GetRequiredService<IMailOutbox>().Enqueue(draft);
        await scope.ServiceProvider.GetRequiredService<NspDbContext>().SaveChangesAsync();
        return id;
    }

    /// <summary>Several mails committed in one transaction, as one workflow step would.</summary>
    public async Task<List<Guid>> EnqueueAllAsync(IEnumerable<OutboxMailDraft> drafts)
    {
        await using var scope = provider.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
        var ids = drafts.Select(outbox.Enqueue).ToList();
        await scope.ServiceProvider.GetRequiredService<NspDbContext>().SaveChangesAsync();
        return ids;
    }

    /// <summary>One run of the sender, in a scope of its own as a Hangfire job would have.</summary>
    public async Task<int> SweepAsync()
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxMailSender>().SendDueAsync(CancellationToken.None);
    }

    public async Task<bool> ResendAsync(Guid id)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMailOutbox>().ResendAsync(id, CancellationToken.None);
    }

    public async Task<OutboxMail> GetAsync(Guid id)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NspDbContext>().OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async Task<List<OutboxMail>> AllAsync()
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NspDbContext>().OutboxMails.AsNoTracking().ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is no reason to fail a test.
        }
    }

    private static async Task<MailTestServices> CreateAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var services = new MailTestServices(settings, configure);
        await using var scope = services.provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NspDbContext>().Database.MigrateAsync();
        return services;
    }
}

/// <summary>Keeps every log line, so a test can check that none carries personal data.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (lines) return lines.ToList(); }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.lines)
                owner.lines.Add($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}

/// <summary>Records the jobs created, instead of storing them for a Hangfire server.</summary>
internal sealed class RecordingJobClient : Hangfire.IBackgroundJobClient
{
    private readonly List<(Hangfire.Common.Job Job, Hangfire.States.IState State)> created = [];

    public IReadOnlyList<(Hangfire.Common.Job Job, Hangfire.States.IState State)> Created
    {
        get { lock (created) return created.ToList(); }
    }

    public string Create(Hangfire.Common.Job job, Hangfire.States.IState state)
    {
        lock (created)
        {
            created.Add((job, state));
            return created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => false;
}
