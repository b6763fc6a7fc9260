using System.Globalization;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Pathways.Handlers;

/// <summary>
/// <c>start-reflection</c>, <c>start-extended</c>, <c>start-integration</c>: the next period starts on the case and its
/// days become variables for the definition's reminders and due dates: <c>periodKind</c>, <c>periodNumber</c>,
/// <c>periodFirstDay</c>, <c>periodLastDay</c> (yyyy-MM-dd), <c>periodLastDayMorning</c> (08:00 in Sweden on the last
/// day; reminders count back from it) and <c>periodDueAt</c> (the end of the last day in Sweden).
/// </summary>
public sealed class StartPeriodHandler(CaseWorkspace cases, TariffSchedule tariffs, PeriodKind kind) : CaseHandler(cases)
{
    public static readonly TimeOnly ReminderTime = new(8, 0);

    public override string Name => NameOf(kind);

    /// <summary>The handler that starts a period of <paramref name="kind"/>: <c>start-reflection</c>, <c>start-extended</c>, <c>start-integration</c>.</summary>
    public static string NameOf(PeriodKind kind) => $"start-{kind.ToString().ToLowerInvariant()}";

    protected override void Handle(ServiceTaskContext context, Case @case)
    {
        var period = kind == PeriodKind.Reflection ? @case.StartReflection(tariffs) : @case.StartNext(kind, tariffs);
        context.SetVariable(PathwayNames.Variables.PeriodKind, kind.ToString().ToLowerInvariant());
        context.SetVariable(PathwayNames.Variables.PeriodNumber, period.Number);
        context.SetVariable(PathwayNames.Variables.PeriodFirstDay, Day(period.FirstDay));
        context.SetVariable(PathwayNames.Variables.PeriodLastDay, Day(period.LastDay));
        context.SetVariable(PathwayNames.Variables.PeriodLastDayMorning, Instant(SwedishCalendar.At(period.LastDay, ReminderTime)));
        context.SetVariable(PathwayNames.Variables.PeriodDueAt, Instant(SwedishCalendar.At(period.LastDay.AddDays(1), TimeOnly.MinValue)));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
