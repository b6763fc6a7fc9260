using NspWorkflow.Domain;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>certification-grant</c>: the coordinator grants the certification once every requirement is met (at the visit, or by
/// the accepted actions of the plan; refused naming the plan before that). The shelter is then certified for a year and the
/// register takes the capacity the questionnaire stated, which the placement search reads.
/// </summary>
public sealed class CertificationGrantForm(TimeProvider time) : TaskForm<CertificationSubject, NoData>
{
    public const string Grant = "grant";

    public override string Key => "certification-grant";

    public override string SubjectKind => CertificationNames.SubjectKind;

    public override string Label => "Certification.GrantTask";

    public override string Decides => "Mail.Decision.Certification";

    public override IReadOnlyList<string> Outcomes { get; } = [Grant];

    protected override ValueTask<Action<CertificationSubject>?> PrepareAsync(TaskFormContext context, NoData data, List<RuleViolation> violations,
        CancellationToken cancellationToken)
    {
        var (today, now) = (SwedishCalendar.Today(time), time.GetUtcNow());
        return ValueTask.FromResult<Action<CertificationSubject>?>(subject =>
        {
            var until = subject.Certification.Grant(today);
            if (subject.Certification.Questionnaire is { } answers)
                subject.Shelter.Update(subject.Shelter.ToDetails() with { Capacity = answers.Capacity }, now);
            subject.Shelter.Certify(until, now);
        });
    }
}
