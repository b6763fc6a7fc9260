namespace NspWorkflow.Domain.Cases;

/// <summary>A child of the person; a child in Sweden with them brings the child supplement.</summary>
public sealed record Child(int BirthYear, bool InSweden);
