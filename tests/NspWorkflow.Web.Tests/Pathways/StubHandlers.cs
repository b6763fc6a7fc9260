using System.Globalization;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Web.Pathways.Handlers;

namespace NspWorkflow.Web.Tests.Pathways;

/// <summary>A period the stub started, as the domain would record it.</summary>
internal sealed record StubPeriod(string Kind, int Number, DateOnly FirstDay, DateOnly LastDay);

/// <summary>
/// Stand-ins for the app's service-task handlers (Pathways/Handlers), under their names: the variables each
/// reads and sets. They keep a minimal case (periods, police reports, how it closed) so a test can check what ran.
/// </summary>
internal sealed class StubCase
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public List<StubPeriod> Periods { get; } = [];
    public List<(string? Date, bool Granted)> PoliceReports { get; } = [];
    public List<string> Calls { get; } = [];
    public string? RejectionReason { get; private set; }
    public string? ClosedWith { get; private set; }

    public IServiceTaskHandler[] Handlers() =>
    [
        Handler(AdmitCaseHandler.HandlerName, c => c.SetVariable("admitted", true)),
        Handler(RejectCaseHandler.HandlerName, c =>
        {
            RejectionReason = c.Get<string>("reason");
            c.SetVariable("admitted", false);
        }),
        Handler(StartPeriodHandler.NameOf(PeriodKind.Reflection), c => StartPeriod(c, "reflection", 30)),
        Handler(StartPeriodHandler.NameOf(PeriodKind.Extended), c => StartPeriod(c, "extended", 90)),
        Handler(StartPeriodHandler.NameOf(PeriodKind.Integration), c => StartPeriod(c, "integration", 45)),
        Handler(RecordDecisionHandler.HandlerName, c => c.SetVariable("decision", c.Get<string>("outcome"))),
        Handler(RecordPoliceReportHandler.HandlerName, c =>
        {
            var granted = c.Get<bool>("mmmGranted");
            PoliceReports.Add((c.Get<string>("date"), granted));
            if (granted)
                c.SetVariable("decision", "mmm");
        }),
        Handler(CloseCaseHandler.HandlerName, c => ClosedWith = c.Get<string>("decision") ?? throw new InvalidOperationException("No decision to close with.")),
        Handler(PointInterventionDecisionHandler.ApproveName, c => Calls.Add("approve " + c.Get<string>("pointInterventionId"))),
        Handler(PointInterventionDecisionHandler.RejectName, c => Calls.Add($"reject {c.Get<string>("pointInterventionId")} ({c.Get<string>("reason")})")),
    ];

    /// <summary>The next period of the kind starts the day after the previous one's last day (the first: today in Stockholm).</summary>
    private void StartPeriod(ServiceTaskContext c, string kind, int days)
    {
        var first = Periods.Count == 0
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.Now, Stockholm).DateTime)
            : Periods[^1].LastDay.AddDays(1);
        var period = new StubPeriod(kind, Periods.Count(p => p.Kind == kind) + 1, first, first.AddDays(days - 1));
        Periods.Add(period);
        c.SetVariable("periodKind", kind);
        c.SetVariable("periodNumber", period.Number);
        c.SetVariable("periodFirstDay", period.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        c.SetVariable("periodLastDay", period.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        c.SetVariable("periodLastDayMorning", InStockholm(period.LastDay, new TimeOnly(8, 0)));
        c.SetVariable("periodDueAt", InStockholm(period.LastDay.AddDays(1), TimeOnly.MinValue));
    }

    private static string InStockholm(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static DelegateHandler Handler(string name, Action<ServiceTaskContext> action) => new(name, action);

    private sealed class DelegateHandler(string name, Action<ServiceTaskContext> action) : IServiceTaskHandler
    {
        public string Name => name;

        public void Handle(ServiceTaskContext context) => action(context);
    }
}
