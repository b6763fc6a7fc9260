using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Pathways;

/// <summary>
/// The names the NSP pathways (<c>workflows/nsp-*.bpmn</c>) and the app share: process ids, message names and instance
/// variables. Variables carry ids and the pseudonymous reference only, never anything about the person.
/// </summary>
public static class PathwayNames
{
    /// <summary>The process a case runs from its application to its end.</summary>
    public const string CaseProcess = "nsp-case";

    /// <summary>The process that reviews one point intervention of a case.</summary>
    public const string PointInterventionProcess = "nsp-point-intervention";

    /// <summary>The process that decides the motivated supplement asked for on a case.</summary>
    public const string SupplementProcess = "nsp-motivated-supplement";

    /// <summary>The message a reflection waits for, correlated by <see cref="Variables.Case"/>: a police report was filed.</summary>
    public const string PoliceReportFiled = "police-report-filed";

    /// <summary>The instance variables.</summary>
    public static class Variables
    {
        /// <summary>The case an instance serves; stored as the business key (kind <see cref="CaseTaskSubjects.CaseKind"/>) of its tasks.</summary>
        public const string Case = "caseId";

        /// <summary>The shelter of the case; stored as the organisation of its tasks.</summary>
        public const string Shelter = "shelterId";

        /// <summary>The case reference (e.g. NSP-2026-0042), the one case fact mail may carry.</summary>
        public const string Reference = "reference";

        /// <summary>The point intervention a <c>nsp-point-intervention</c> instance reviews.</summary>
        public const string PointIntervention = "pointInterventionId";

        /// <summary>The motivated supplement a <c>nsp-motivated-supplement</c> instance decides.</summary>
        public const string Supplement = "supplementId";

        /// <summary>The outcome of the task completed last (the engine sets it).</summary>
        public const string Outcome = "outcome";

        /// <summary>Whether the admission was approved (<c>admit-case</c>, <c>reject-case</c>).</summary>
        public const string Admitted = "admitted";

        /// <summary>The shelter's next-step choice, kept apart from later outcomes; <c>mmm</c> after a police report with MMM.</summary>
        public const string Decision = "decision";

        /// <summary>The police report's data: whether the state granted its reflection period.</summary>
        public const string MmmGranted = "mmmGranted";

        /// <summary>
        /// The period a <c>start-*</c> handler started, for the definitions' reminders and due dates: its kind and number, first
        /// and last day (yyyy-MM-dd), 08:00 in Sweden on its last day (reminders count back from it) and the end of its last day.
        /// </summary>
        public const string PeriodKind = "periodKind", PeriodNumber = "periodNumber", PeriodFirstDay = "periodFirstDay",
            PeriodLastDay = "periodLastDay", PeriodLastDayMorning = "periodLastDayMorning", PeriodDueAt = "periodDueAt";
    }

    /// <summary>How the engine finds a step's organisation and business key in these variables.</summary>
    public static WorkflowEngineOptions EngineOptions { get; } = new(
        OrganisationVariable: Variables.Shelter,
        BusinessKeys: [new BusinessKeyVariable(CaseTaskSubjects.CaseKind, Variables.Case),
            new BusinessKeyVariable(Features.Invoicing.InvoicingNames.SubjectKind, Features.Invoicing.InvoicingNames.BasisVariable),
            new BusinessKeyVariable(Features.Certification.CertificationNames.SubjectKind, Features.Certification.CertificationNames.CertificationVariable),
            new BusinessKeyVariable(Features.Certification.RoutineCheckNames.SubjectKind, Features.Certification.RoutineCheckNames.RoutineCheckVariable)],
        CalendarTimeZone: SwedishCalendar.TimeZone);
}
