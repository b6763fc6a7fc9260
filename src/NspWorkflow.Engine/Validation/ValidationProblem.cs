namespace NspWorkflow.Engine.Validation;

/// <summary>
/// One problem with a definition: the id of the element it concerns (so the designer can select it; empty
/// when the file as a whole is at fault) and an English sentence an administrator understands.
/// </summary>
public sealed record ValidationProblem(string ElementId, string Message)
{
    public override string ToString() => ElementId.Length == 0 ? Message : $"{ElementId}: {Message}";
}
