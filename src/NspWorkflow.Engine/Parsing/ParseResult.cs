using System.Collections.Immutable;
using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Validation;

namespace NspWorkflow.Engine.Parsing;

/// <summary>
/// The parsed document (null when the XML could not be read at all) and the problems found while reading it.
/// A document with problems must not be published; it is returned anyway so validation can report more at once.
/// </summary>
public sealed record ParseResult(BpmnDocument? Document, ImmutableArray<ValidationProblem> Problems)
{
    public bool Succeeded => Document is not null && Problems.IsEmpty;
}
