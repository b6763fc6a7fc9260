using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Data;
using NspWorkflow.Data.Outbox;
using NspWorkflow.Data.PostgreSql;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Engine.Validation;
using NspWorkflow.Testing;
using NspWorkflow.Testing.Workflows;
using NspWorkflow.Web.Features.Mail;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Tests.TestHost;
using static NspWorkflow.Testing.Workflows.EngineCalls;

namespace NspWorkflow.Web.Tests.Features.Mail;

/// <summary>
/// Two app nodes on one PostgreSQL database whose clocks differ by an hour: each claim is judged by the database's clock,
/// so neither takes over what the other holds. Every mail reaches the SMTP server once and every timer's step is stored
/// once. Each node is the app's background work as the app composes it (the mail feature and the engine with its
/// timer sweep) with a clock of its own, without a web server.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClockSkewTests(PostgresServer postgres)
{
    private const int Mails = 200;
    private const int Timers = 200;

    [Fact]
    public async Task Two_nodes_whose_clocks_differ_by_an_hour_send_each_of_200_mails_and_fire_each_of_200_timers_exactly_once()
    {
        using var smtp = new SmtpServerFixture();
        var connectionString = await postgres.CreateDatabaseAsync();
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        await using var early = await Node.StartAsync(connectionString, smtp.Port, start);
        await using var late = await Node.StartAsync(connectionString, smtp.Port, start + TimeSpan.FromHours(1));

        await TestProcesses.PublishAsync(early);
        for (var i = 0; i < Timers; i++)
            Assert.Equal(EngineOutcome.Started, (await EngineAsync(early, e => e.StartAsync("timer-only", null))).Outcome);
        var mailIds = await early.EnqueueAsync(Enumerable.Range(0, Mails).Select(i =>
            new OutboxMailDraft([$"boende{i}@nsp.example"], $"Påminnelse {i}", "Perioden tar snart slut.", "reminder")));
        // An hour on, by each node's own clock: the timers are due on both (09:00 on one, 10:00 on the other).
        early.Clock.Advance(TimeSpan.FromHours(1));
        late.Clock.Advance(TimeSpan.FromHours(1));

        // Each node sends mail and sweeps timers at once, over and over, as its jobs would, until nothing is left.
        var work = await Task.WhenAll(
            Task.Run(() => UntilDoneAsync(early, () => early.SendMailAsync())),
            Task.Run(() => UntilDoneAsync(late, () => late.SendMailAsync())),
            Task.Run(() => UntilDoneAsync(early, async () => (await SweepAsync(early, batchSize: 10)).Fired)),
            Task.Run(() => UntilDoneAsync(late, async () => (await SweepAsync(late, batchSize: 10)).Fired)));

        // Mail, counted at the SMTP server: each Message-Id once, and both nodes sent some.
        var received = smtp.ReceivedMessages().Select(m => m.MessageId).ToList();
        Assert.Equal(Mails, received.Count);
        Assert.Equal(mailIds.Select(id => $"{id:N}.outbox@nsp.example").Order(), received.Order());
        Assert.Equal(Mails, work[0] + work[1]);
        Assert.True(work[0] > 0 && work[1] > 0, $"Both nodes should have sent mail (sent {work[0]} and {work[1]}).");

        // Timers, counted in the engine's rows: each fired once, each instance's path run once.
        await using var db = early.CreateDbContext();
        Assert.Equal(Mails, await db.OutboxMails.CountAsync(m => m.Status == OutboxMailStatus.Sent && m.Attempts == 1 && m.LastError == null));
        Assert.Equal(Timers, await db.WorkflowTimers.CountAsync(t => t.Status == TimerStatus.Fired && t.Attempts == 1));
        Assert.Equal(Timers, await db.WorkflowInstances.CountAsync(i => i.ProcessId == "timer-only" && i.Status == InstanceStatus.Completed));
        Assert.Equal(Timers, await db.WorkflowJournal.CountAsync(j => j.NodeId == "Wait" && j.Kind == JournalKind.Left));
        Assert.Equal(Timers, await db.WorkflowJournal.CountAsync(j => j.NodeId == "End" && j.Kind == JournalKind.Entered));
        Assert.Empty(await db.WorkflowIncidents.ToListAsync());
        Assert.Equal(Timers, work[2] + work[3]);
        Assert.True(work[2] > 0 && work[3] > 0, $"Both nodes should have fired timers (fired {work[2]} and {work[3]}).");
    }

    /// <summary>Runs <paramref name="round"/> until no mail and no timer is left pending (at most a minute); returns its total.</summary>
    private static async Task<int> UntilDoneAsync(Node node, Func<Task<int>> round)
    {
        var total = 0;
        for (var deadline = DateTime.UtcNow.AddMinutes(1); ; await Task.Delay(20))
        {
            total += await round();
            await using var db = node.CreateDbContext();
            if (!await db.OutboxMails.AnyAsync(m => m.Status == OutboxMailStatus.Pending)
                && !await db.WorkflowTimers.AnyAsync(t => t.Status == TimerStatus.Pending))
                return total;
            Assert.True(DateTime.UtcNow < deadline, "Mail or timers were still pending after a minute.");
        }
    }

    /// <summary>One app node's background work on the shared database, with its own clock.</summary>
    private sealed class Node : IEngineHost, IAsyncDisposable
    {
        private readonly ServiceProvider provider;
        private readonly string folder = Directory.CreateTempSubdirectory("nsp-node-").FullName;

        private Node(string connectionString, int smtpPort, DateTimeOffset clock)
        {
            Clock = new FakeTimeProvider(clock);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mail:Smtp:Host"] = "127.0.0.1",
                ["Mail:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Smtp:Security"] = "None",
                // Small batches, so the nodes' claims interleave.
                ["Mail:BatchSize"] = "10",
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddDbContext<NspDbContext>(builder => PostgreSqlDatabase.Configure(builder, connectionString));
            services.AddWorkflowEngine(new WorkflowEngineOptions(), _ => ValidationContext.Empty);
            services.AddMail(configuration, new AppOptions { DataPath = folder, PublicUrl = new Uri("http://localhost/") });
            services.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient());
            provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        }

        public IServiceProvider Services => provider;
        public FakeTimeProvider Clock { get; }

        public static async Task<Node> StartAsync(string connectionString, int smtpPort, DateTimeOffset clock)
        {
            var node = new Node(connectionString, smtpPort, clock);
            await using var db = node.CreateDbContext();
            await db.Database.MigrateAsync();
            return node;
        }

        public NspDbContext CreateDbContext() => provider.CreateScope().ServiceProvider.GetRequiredService<NspDbContext>();

        public async Task<List<Guid>> EnqueueAsync(IEnumerable<OutboxMailDraft> drafts)
        {
            await using var scope = provider.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
            var ids = drafts.Select(outbox.Enqueue).ToList();
            await scope.ServiceProvider.GetRequiredService<NspDbContext>().SaveChangesAsync();
            return ids;
        }

        public async Task<int> SendMailAsync()
        {
            await using var scope = provider.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OutboxMailSender>().SendDueAsync(CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            await provider.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* a leftover temp folder is no reason to fail a test */ }
        }
    }
}
