using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Tests.Tariffs;

/// <summary>Tariffs the tests share: the 2022 defaults (as in workflows/tariffs/default.json) and a schedule of them.</summary>
internal static class TestTariffs
{
    public static IReadOnlyList<InterventionCategory> Categories { get; } =
    [
        new("clothes", "Kläder"),
        new("phone", "Mobiltelefon"),
        new("pram", "Barnvagn"),
        new("lawyer", "Advokat"),
        new("therapy", "Terapi"),
        new("psychiatric-statement", "Psykiatriskt utlåtande"),
        new("dental-care", "Tandvård"),
        new("rent-contribution", "Bidrag till hyra"),
        new("language-course", "Språkkurs"),
        new("other", "Övrigt"),
    ];

    public static Tariff Default2022 { get; } = new(
        new DateOnly(2022, 1, 1),
        new ReflectionTariff(MaxDays: 30, HousingAndFoodPerDay: 600m, ProtectionAndSupportPerDay: 600m, ChildSupplementPerDay: 500m, MotivatedSupplementPerDay: 200m),
        new ExtendedTariff(MaxDays: 90, MaxPeriods: 3, FirstPeriodHousingAndFoodPerDay: 600m, FirstPeriodProtectionAndSupportPerDay: 600m,
            LaterPeriodAdultFactor: 0.5m, PaysChildSupplement: true, PaysMotivatedSupplement: true),
        new IntegrationTariff(MaxDays: 45, DailyRate: 500m, PaysChildSupplement: false, PaysMotivatedSupplement: false),
        new PointInterventionTariff(CapPerOccasion: 5000m, Categories));

    public static TariffSchedule Schedule2022 { get; } = new([Default2022]);
}
