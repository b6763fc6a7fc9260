namespace NspWorkflow.Web.Infrastructure.Layout;

/// <summary>One error as a form's summary lists it: the message, and the input it links to (none for the whole form).</summary>
public sealed record SummaryError(string Message, string? InputId);

/// <summary>What <c>_ErrorSummary</c> shows: the heading (what did not happen) and the errors, in the form's order.</summary>
public sealed record ErrorSummaryView(string Heading, IReadOnlyList<SummaryError> Errors, string HeadingId = "error-summary-heading");
