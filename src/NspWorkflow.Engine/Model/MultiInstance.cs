namespace NspWorkflow.Engine.Model;

/// <summary>
/// <c>multiInstanceLoopCharacteristics</c> of a user task or call activity: one instance of the activity per item of the
/// list variable <see cref="Collection"/> (<c>nsp:collection</c>), one after another when <see cref="Sequential"/>, else
/// all at once. Each instance sees its item as <see cref="ElementVariable"/> (<c>nsp:elementVariable</c>, default
/// <c>item</c>). <see cref="CompletionCondition"/>, when given, ends the activity early once it holds after an instance
/// completes (the instances still open are cancelled).
/// </summary>
public sealed record MultiInstance(bool Sequential, string? Collection, string ElementVariable, string? CompletionCondition)
{
    public const string DefaultElementVariable = "item";
}
