using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace NspWorkflow.Web.Tests.TestHost;

/// <summary>
/// A real SMTP server for a test: aiosmtpd (Debian's python3-aiosmtpd) storing every message in a maildir.
/// Missing aiosmtpd fails the test with the package to install, rather than skipping it silently.
/// Can be stopped and started again on the same port, to play an SMTP server that is down, and can drop the connection
/// after storing a message instead of answering, as a server (or network) failing at the worst moment does.
/// </summary>
public sealed class SmtpServerFixture : IDisposable
{
    /// <summary>aiosmtpd's maildir handler that, for the first N messages, stores the message and then drops the connection.</summary>
    private const string DropAnswersHandler = """
        from aiosmtpd.handlers import Mailbox


        class DropAnswers(Mailbox):
            def __init__(self, mail_dir, drops):
                super().__init__(mail_dir)
                self.drops = int(drops)

            @classmethod
            def from_cli(cls, parser, *args):
                return cls(*args)

            async def handle_DATA(self, server, session, envelope):
                status = await super().handle_DATA(server, session, envelope)
                if self.drops > 0:
                    self.drops -= 1
                    # Received and stored, but the client never hears "250 OK".
                    server.transport.abort()
                return status
        """;

    // Debian's interpreter: the python3 on PATH may be a separate build without Debian's modules.
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string root = Path.Combine(Path.GetTempPath(), "nsp-smtp-" + Guid.NewGuid().ToString("N"));
    private readonly int answersToDrop;
    private Process? process;

    public SmtpServerFixture()
        : this(0)
    {
    }

    /// <param name="answersToDrop">Messages (from the start) the server stores and then drops the connection without answering.</param>
    public SmtpServerFixture(int answersToDrop)
    {
        EnsureAiosmtpdInstalled();
        Directory.CreateDirectory(root);
        this.answersToDrop = answersToDrop;
        if (answersToDrop > 0)
            File.WriteAllText(Path.Combine(root, "nsp_drop_answers.py"), DropAnswersHandler);
        Port = FreePort();
        Start();
    }

    public string Host => "127.0.0.1";
    public int Port { get; }
    public string Maildir => Path.Combine(root, "maildir");
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts the server and returns once it accepts connections.</summary>
    public void Start()
    {
        if (IsRunning)
            return;
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (answersToDrop > 0)
        {
            start.Environment["PYTHONPATH"] = root;
            foreach (var argument in new[] { "-c", "nsp_drop_answers.DropAnswers", Maildir, answersToDrop.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(argument);
        }
        else
        {
            foreach (var argument in new[] { "-c", "aiosmtpd.handlers.Mailbox", Maildir })
                start.ArgumentList.Add(argument);
        }
        var started = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        var errors = new System.Text.StringBuilder();
        started.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        started.OutputDataReceived += (_, _) => { };
        started.BeginErrorReadLine();
        started.BeginOutputReadLine();
        process = started;

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (started.HasExited)
            {
                string output;
                lock (errors) output = errors.ToString();
                throw new InvalidOperationException($"aiosmtpd exited with code {started.ExitCode} before accepting connections:\n{output}");
            }
            if (Accepts())
                return;
            if (deadline.Elapsed > StartTimeout)
                throw new TimeoutException($"aiosmtpd did not accept connections on {Host}:{Port} within {StartTimeout.TotalSeconds} s.");
            Thread.Sleep(50);
        }
    }

    /// <summary>Kills the server; connections to its port are refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        if (process is null)
            return;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
        process = null;
    }

    /// <summary>Every message the server has received, parsed.</summary>
    public IReadOnlyList<MimeMessage> ReceivedMessages()
    {
        var delivered = Path.Combine(Maildir, "new");
        if (!Directory.Exists(delivered))
            return [];
        return Directory.GetFiles(delivered).Order().Select(file => MimeMessage.Load(file)).ToList();
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is no reason to fail a test.
        }
    }

    private static void EnsureAiosmtpdInstalled()
    {
        if (!File.Exists(Python))
            throw new InvalidOperationException($"{Python} is missing: the SMTP tests need Debian's python3 with python3-aiosmtpd (apt-get install python3-aiosmtpd).");
        using var check = Process.Start(new ProcessStartInfo(Python)
        {
            ArgumentList = { "-c", "import aiosmtpd" },
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var error = check.StandardError.ReadToEnd();
        check.WaitForExit();
        if (check.ExitCode != 0)
            throw new InvalidOperationException($"aiosmtpd is not installed for {Python}: the SMTP tests need a real SMTP server (apt-get install python3-aiosmtpd).\n{error}");
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(Host, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
