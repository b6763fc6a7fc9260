using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NspWorkflow.Data;

/// <summary>
/// Short lists of simple values kept in one text column: the same column type on every provider,
/// and nothing to join for a list that is always read whole.
/// </summary>
internal static class ListConverters
{
    // A line break can appear in neither an e-mail address nor an enum name.
    private const char Separator = '\n';

    public static ValueConverter<List<string>, string> Strings { get; } = new(
        list => string.Join(Separator, list),
        text => text.Length == 0 ? new List<string>() : text.Split(Separator, StringSplitOptions.None).ToList());

    public static ValueComparer<List<string>> StringsComparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        list => list.ToList());

    public static ValueConverter<IReadOnlyList<TEnum>, string> Enums<TEnum>() where TEnum : struct, Enum => new(
        list => string.Join(Separator, list),
        text => text.Length == 0
            ? Array.Empty<TEnum>()
            : text.Split(Separator, StringSplitOptions.None).Select(Enum.Parse<TEnum>).ToArray());

    public static ValueComparer<IReadOnlyList<TEnum>> EnumsComparer<TEnum>() where TEnum : struct, Enum => new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        list => list.ToArray());
}
