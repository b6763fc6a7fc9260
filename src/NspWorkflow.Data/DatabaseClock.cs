using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NspWorkflow.Data;

/// <summary>
/// The database server's clock, the one clock every app node shares. Claims (the mail outbox's and the timer sweep's)
/// are written and judged by it, so two nodes whose own clocks differ never both hold one claim. Business time (when a
/// timer is due, when a failed mail is tried again) stays on the app's <see cref="TimeProvider"/>.
/// </summary>
public static class DatabaseClock
{
    /// <summary>
    /// The database's current UTC time, read in a round trip of its own. Read before the statement that uses it, it is
    /// at most that round trip old: a claim it writes ends no later than it would by the server's clock at the write, and
    /// a claim it judges expired had expired before.
    /// </summary>
    public static async Task<DateTimeOffset> UtcNowAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var provider = database.ProviderName ?? "";
        if (provider.Contains("Npgsql", StringComparison.Ordinal))
        {
            // clock_timestamp(), not now(): now() stands still for a whole transaction.
            var now = await database.SqlQuery<DateTimeOffset>($"""SELECT clock_timestamp() AS "Value" """).ToListAsync(cancellationToken);
            return now[0].ToUniversalTime();
        }

        if (provider.Contains("SqlServer", StringComparison.Ordinal))
        {
            var now = await database.SqlQuery<DateTimeOffset>($"SELECT TODATETIMEOFFSET(SYSUTCDATETIME(), 0) AS [Value]").ToListAsync(cancellationToken);
            return now[0].ToUniversalTime();
        }

        // SQLite runs inside the app, on one machine: its clock is the machine's, asked the same way for symmetry.
        var text = await database.SqlQuery<string>($"""SELECT strftime('%Y-%m-%d %H:%M:%f', 'now') AS "Value" """).ToListAsync(cancellationToken);
        return DateTimeOffset.ParseExact(text[0], "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
