namespace NspWorkflow.Web.Features.Tasks.Forms;

/// <summary>The task forms the app provides, by key: what definitions may name and what the task pages show.</summary>
public sealed class TaskFormRegistry(IEnumerable<ITaskForm> forms)
{
    private readonly Dictionary<string, ITaskForm> byKey = forms.ToDictionary(f => f.Key, StringComparer.Ordinal);

    /// <summary>What a task of no known form is called.</summary>
    public const string UnknownLabel = "Task";

    public IReadOnlyCollection<string> Keys => byKey.Keys;

    public IReadOnlyCollection<ITaskForm> All => byKey.Values;

    public ITaskForm? Find(string? key) => key is not null && byKey.TryGetValue(key, out var form) ? form : null;

    public string LabelOf(string? key) => Find(key)?.Label ?? UnknownLabel;
}
