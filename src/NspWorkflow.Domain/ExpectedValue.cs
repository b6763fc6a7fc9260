namespace NspWorkflow.Domain;

/// <summary>The kind of value a field of a file must hold, named by <see cref="RuleViolationCode.WrongType"/> and worded by the UI.</summary>
public enum ExpectedValue
{
    Object,
    List,
    Text,
    Number,
    WholeNumber,
    TrueOrFalse,
    /// <summary>A date written yyyy-MM-dd.</summary>
    Date,
    /// <summary>An id: a UUID such as 5e1e7e00-0000-4000-8000-000000000001.</summary>
    Id,
}
