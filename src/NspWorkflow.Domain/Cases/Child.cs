namespace NspWorkflow.Domain.Cases;

/// <summary>
/// A child of the person; a child in Sweden with them brings the child supplement. A child who joined during the case
/// (born, or arriving) has <see cref="JoinedOn"/>, the first day paid; one who left has <see cref="LeftOn"/>, the last.
/// </summary>
public sealed record Child(int BirthYear, bool InSweden, DateOnly? JoinedOn = null, DateOnly? LeftOn = null);
