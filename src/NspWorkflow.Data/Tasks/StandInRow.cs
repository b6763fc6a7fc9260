namespace NspWorkflow.Data.Tasks;

/// <summary>
/// A coordinator's absence from <see cref="FirstDay"/> to <see cref="LastDay"/> (Swedish days, inclusive), during which
/// the items handed to them show in the inbox of <see cref="StandIn"/>.
/// </summary>
public sealed class StandInRow
{
    public Guid Id { get; set; }
    public string Coordinator { get; set; } = "";
    public string CoordinatorName { get; set; } = "";
    public string StandIn { get; set; } = "";
    public string StandInName { get; set; } = "";
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
