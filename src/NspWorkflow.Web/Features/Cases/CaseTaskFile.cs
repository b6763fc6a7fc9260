using NspWorkflow.Web.Features.Cases.Api;
using NspWorkflow.Web.Features.Cases.Timeline;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>What a task page shows of its case: the case file and the case's timeline (earlier decisions, with who took them).</summary>
public sealed record CaseTaskFile(CaseDetails Details, IReadOnlyList<CaseTimelineEntry> Timeline);
