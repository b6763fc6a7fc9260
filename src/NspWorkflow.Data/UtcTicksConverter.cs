using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NspWorkflow.Data;

/// <summary>Stores a point in time as UTC ticks, so every provider can compare and order it.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
