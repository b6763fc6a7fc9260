using System.Text.Json;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Web.Features.Tasks.Api;

/// <summary>
/// A task as the API lists it: what it is about (<c>subjectKind</c>, and for a case its id and reference as before),
/// which form, whose, when, and its state.
/// </summary>
public sealed record TaskResponse(
    Guid Id, Guid? CaseId, string? CaseReference, string? FormKey, string? AssigneeRole, Guid? ShelterId,
    DateTimeOffset CreatedAt, DateTimeOffset? DueAt, string Status, string? Outcome, DateTimeOffset? CompletedAt, string? SubjectKind)
{
    /// <summary>The kind whose business key the API names <c>caseId</c>.</summary>
    public const string CaseKind = "case";

    public static TaskResponse From(WorkflowTaskRow t, string? reference) => new(
        t.Id, t.BusinessKeyKind == CaseKind && Guid.TryParse(t.BusinessKey, out var caseId) ? caseId : null,
        t.BusinessKeyKind == CaseKind ? reference : null, t.FormKey, t.AssigneeRole,
        Guid.TryParse(t.OrganisationId, out var shelterId) ? shelterId : null,
        t.CreatedAt, t.DueAt, StatusName(t.Status), t.Outcome, t.CompletedAt, t.BusinessKeyKind);

    public static string StatusName(WaitStatus status) => status.ToString().ToLowerInvariant();
}

public sealed record TaskCompletionRequest(string? Outcome, JsonElement? Data);

public sealed record TaskCompleted(Guid Id, string Status, string Outcome);
