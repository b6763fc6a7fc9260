using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Tests.Tariffs;

/// <summary>The model can express the program's history (DESIGN §2), so no year's rules need code.</summary>
public sealed class TariffHistoryTests
{
    /// <summary>
    /// Pilot part 1 (2016-03-01): 30 days at 600 + 600, child supplement 300, no extended support,
    /// 90-day integration at 1200. Part 2 (2016-09-01): integration at 600 only (the public pays housing).
    /// 2017: 30 + 90 days (one extended period at full rate; the integration terms of 2017 are not in the
    /// sources, so part 2's are kept). 2022: 30 + 90 x 3 + 45.
    /// </summary>
    public static TariffSchedule History { get; } = new(
    [
        new Tariff(
            new DateOnly(2016, 3, 1),
            new ReflectionTariff(30, 600m, 600m, ChildSupplementPerDay: 300m, MotivatedSupplementPerDay: 0m),
            new ExtendedTariff(MaxDays: 0, MaxPeriods: 0, 0m, 0m, LaterPeriodAdultFactor: 1m, PaysChildSupplement: false, PaysMotivatedSupplement: false),
            new IntegrationTariff(MaxDays: 90, DailyRate: 1200m, PaysChildSupplement: false, PaysMotivatedSupplement: false),
            new PointInterventionTariff(5000m, TestTariffs.Categories)),
        new Tariff(
            new DateOnly(2016, 9, 1),
            new ReflectionTariff(30, 600m, 600m, 300m, 0m),
            new ExtendedTariff(0, 0, 0m, 0m, 1m, false, false),
            new IntegrationTariff(90, DailyRate: 600m, false, false),
            new PointInterventionTariff(5000m, TestTariffs.Categories)),
        new Tariff(
            new DateOnly(2017, 1, 1),
            new ReflectionTariff(30, 600m, 600m, 300m, 0m),
            new ExtendedTariff(MaxDays: 90, MaxPeriods: 1, 600m, 600m, 1m, PaysChildSupplement: true, PaysMotivatedSupplement: false),
            new IntegrationTariff(90, 600m, false, false),
            new PointInterventionTariff(5000m, TestTariffs.Categories)),
        TestTariffs.Default2022,
    ]);

    [Fact]
    public void The_pilot_pays_300_per_child_and_has_no_extended_support()
    {
        var pilot = History.InForceOn(new DateOnly(2016, 5, 1));

        Assert.Equal(300m, pilot.Reflection.ChildSupplementPerDay);
        Assert.Equal(0, pilot.Extended.MaxPeriods);
        Assert.Equal((90, 1200m), (pilot.Integration.MaxDays, pilot.Integration.DailyRate));
    }

    [Fact]
    public void The_pilot_part_2_pays_integration_at_600()
    {
        Assert.Equal(1200m, History.InForceOn(new DateOnly(2016, 8, 31)).Integration.DailyRate);
        Assert.Equal(600m, History.InForceOn(new DateOnly(2016, 9, 1)).Integration.DailyRate);
    }

    [Fact]
    public void The_year_2017_offers_30_plus_90_days()
    {
        var tariff = History.InForceOn(new DateOnly(2017, 6, 1));

        Assert.Equal((30, 90, 1), (tariff.Reflection.MaxDays, tariff.Extended.MaxDays, tariff.Extended.MaxPeriods));
    }

    [Fact]
    public void The_year_2022_offers_30_plus_3_times_90_plus_45_days()
    {
        var tariff = History.InForceOn(new DateOnly(2022, 6, 1));

        Assert.Equal((30, 90, 3, 45), (tariff.Reflection.MaxDays, tariff.Extended.MaxDays, tariff.Extended.MaxPeriods, tariff.Integration.MaxDays));
        Assert.Equal((1200m, 500m, 200m, 0.5m),
            (tariff.Reflection.HousingAndFoodPerDay + tariff.Reflection.ProtectionAndSupportPerDay, tariff.Reflection.ChildSupplementPerDay,
             tariff.Reflection.MotivatedSupplementPerDay, tariff.Extended.LaterPeriodAdultFactor));
    }
}
