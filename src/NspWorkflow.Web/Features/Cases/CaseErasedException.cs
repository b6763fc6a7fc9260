using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>
/// The case's personal data was erased at the end of its retention period (Features/Retention): its file is gone, so it
/// cannot be restored. Thrown by <see cref="CaseStore"/>; the case page and the API show the reference and the day, a
/// workflow step is refused, jobs never read such a case. The message names the case's id only.
/// </summary>
public sealed class CaseErasedException(Guid caseId, string reference, Guid shelterId, DateTimeOffset erasedAt)
    : Exception($"The personal data of case {caseId} was erased at the end of its retention period.")
{
    public Guid CaseId => caseId;
    public string Reference => reference;
    public Guid ShelterId => shelterId;
    public DateTimeOffset ErasedAt => erasedAt;

    /// <summary>The day (in Sweden) it was erased.</summary>
    public DateOnly ErasedOn => DateOnly.FromDateTime(SwedishCalendar.ToSwedish(erasedAt).DateTime);
}
