namespace NspWorkflow.Data.Tasks;

/// <summary>
/// A coordinator the app knows: recorded when one signs in (the identity provider has no list to ask), so that an item
/// can be handed to a colleague and a stand-in named. <see cref="Subject"/> is the provider's stable id; the name is
/// what pages show.
/// </summary>
public sealed class CoordinatorRow
{
    public const int MaxSubjectLength = 200;
    public const int MaxNameLength = 200;

    public string Subject { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset LastSignedInAt { get; set; }
}
