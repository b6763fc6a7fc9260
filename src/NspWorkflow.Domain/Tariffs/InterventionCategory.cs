namespace NspWorkflow.Domain.Tariffs;

/// <summary>One line of the intervention list ("insatslista"): a stable key stored with each point intervention, and its Swedish name.</summary>
public sealed record InterventionCategory(string Key, string Name)
{
    public const int MaxKeyLength = 50;
    public const int MaxNameLength = 100;

    /// <summary>Keys are lower-case letters, digits and hyphens, so they stay stable in data and URLs.</summary>
    internal static bool IsKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength
        && key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && key[0] != '-' && key[^1] != '-';
}
