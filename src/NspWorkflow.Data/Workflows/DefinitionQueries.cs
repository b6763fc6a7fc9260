using Microsoft.EntityFrameworkCore;
using NspWorkflow.Engine.Definitions;

namespace NspWorkflow.Data.Workflows;

/// <summary>
/// The definition store's hot read, compiled once per host like <see cref="InstanceQueries"/>: every start asks for the
/// latest published version (a new one may have been published a moment ago), and the LINQ form of the query built
/// its parameter-extraction delegate anew on each call.
/// </summary>
public sealed class DefinitionQueries
{
    /// <summary>The process's published version with the highest number; null when none is published.</summary>
    public Func<NspDbContext, string, CancellationToken, Task<WorkflowDefinitionVersionRow?>> LatestPublished { get; } =
        EF.CompileAsyncQuery((NspDbContext db, string processId, CancellationToken _) =>
            db.WorkflowDefinitionVersions.AsNoTracking()
                .Where(v => v.ProcessId == processId && v.Status == DefinitionStatus.Published)
                .OrderByDescending(v => v.Version)
                .FirstOrDefault());
}
