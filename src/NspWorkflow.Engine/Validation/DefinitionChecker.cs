using System.Collections.Immutable;
using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Parsing;

namespace NspWorkflow.Engine.Validation;

/// <summary>Parse and validate in one call: what the designer's "check" and "publish" need.</summary>
public sealed class DefinitionChecker(BpmnParser parser, ProcessValidator validator)
{
    public DefinitionChecker()
        : this(new BpmnParser(), new ProcessValidator())
    {
    }

    /// <summary>The document (null if unreadable) and every problem of parsing and validation. Publishable when there are none.</summary>
    public (BpmnDocument? Document, ImmutableArray<ValidationProblem> Problems) Check(string xml, ValidationContext context)
    {
        var parsed = parser.Parse(xml);
        if (parsed.Document is null)
        {
            return (null, parsed.Problems);
        }

        return (parsed.Document, parsed.Problems.AddRange(validator.Validate(parsed.Document, context)));
    }
}
