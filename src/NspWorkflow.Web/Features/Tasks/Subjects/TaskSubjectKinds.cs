namespace NspWorkflow.Web.Features.Tasks.Subjects;

/// <summary>The subjects of the request's scope, by the kind of business key.</summary>
public sealed class TaskSubjectKinds(IEnumerable<ITaskSubjects> kinds)
{
    private readonly Dictionary<string, ITaskSubjects> byKind = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public IReadOnlyCollection<ITaskSubjects> All => byKind.Values;

    /// <summary>Null for a task without a business key or of a kind no feature provides: nobody sees such a task.</summary>
    public ITaskSubjects? Find(string? kind) => kind is not null && byKind.TryGetValue(kind, out var subjects) ? subjects : null;
}
