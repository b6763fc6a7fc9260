using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Budget;
using NspWorkflow.Data.Cases;
using NspWorkflow.Data.Certification;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Data.Outbox;
using NspWorkflow.Data.Reports;
using NspWorkflow.Data.Tariffs;
using NspWorkflow.Data.Tasks;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Data;

/// <summary>
/// The one database of the product: domain, engine state and outbox share it, so a workflow step and the
/// domain changes it causes commit in one transaction.
/// </summary>
public sealed class NspDbContext(DbContextOptions<NspDbContext> options) : DbContext(options)
{
    public DbSet<Shelter> Shelters => Set<Shelter>();
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();
    public DbSet<CaseRow> Cases => Set<CaseRow>();
    public DbSet<ApplicationDraftRow> ApplicationDrafts => Set<ApplicationDraftRow>();
    public DbSet<CaseCommentRow> CaseComments => Set<CaseCommentRow>();
    public DbSet<CaseReferenceCounterRow> CaseReferenceCounters => Set<CaseReferenceCounterRow>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CoordinatorRow> Coordinators => Set<CoordinatorRow>();
    public DbSet<TaskAssignmentRow> TaskAssignments => Set<TaskAssignmentRow>();
    public DbSet<StandInRow> StandIns => Set<StandInRow>();
    public DbSet<WorkflowDefinitionVersionRow> WorkflowDefinitionVersions => Set<WorkflowDefinitionVersionRow>();
    public DbSet<WorkflowDefinitionHead> WorkflowDefinitionHeads => Set<WorkflowDefinitionHead>();
    public DbSet<WorkflowInstanceRow> WorkflowInstances => Set<WorkflowInstanceRow>();
    public DbSet<WorkflowTaskRow> WorkflowTasks => Set<WorkflowTaskRow>();
    public DbSet<WorkflowTimerRow> WorkflowTimers => Set<WorkflowTimerRow>();
    public DbSet<MessageSubscriptionRow> WorkflowMessageSubscriptions => Set<MessageSubscriptionRow>();
    public DbSet<WorkflowJournalRow> WorkflowJournal => Set<WorkflowJournalRow>();
    public DbSet<WorkflowIncidentRow> WorkflowIncidents => Set<WorkflowIncidentRow>();
    public DbSet<WorkflowScheduledStartRow> WorkflowScheduledStarts => Set<WorkflowScheduledStartRow>();
    public DbSet<TariffRow> Tariffs => Set<TariffRow>();
    public DbSet<InvoiceRunRow> InvoiceRuns => Set<InvoiceRunRow>();
    public DbSet<InvoiceBasisRow> InvoiceBases => Set<InvoiceBasisRow>();
    public DbSet<InvoiceLineRow> InvoiceLines => Set<InvoiceLineRow>();
    public DbSet<GrantRow> Grants => Set<GrantRow>();
    public DbSet<FunderRuleRow> FunderRules => Set<FunderRuleRow>();
    public DbSet<CommitmentMonthRow> CommitmentMonths => Set<CommitmentMonthRow>();
    public DbSet<CommitmentPeriodRow> CommitmentPeriods => Set<CommitmentPeriodRow>();
    public DbSet<CommitmentTotalRow> CommitmentTotals => Set<CommitmentTotalRow>();
    public DbSet<CertificationRow> Certifications => Set<CertificationRow>();
    public DbSet<RequirementCatalogRow> RequirementCatalogs => Set<RequirementCatalogRow>();
    public DbSet<RoutineCheckRow> RoutineChecks => Set<RoutineCheckRow>();
    public DbSet<CertificationNoticeRow> CertificationNotices => Set<CertificationNoticeRow>();
    public DbSet<CertificationInvitationRow> CertificationInvitations => Set<CertificationInvitationRow>();
    public DbSet<CaseReportFactsRow> CaseReportFacts => Set<CaseReportFactsRow>();
    public DbSet<CaseReportPointInterventionRow> CaseReportPointInterventions => Set<CaseReportPointInterventionRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NspDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type and cannot compare or order the text EF would store;
        // UTC ticks as an integer keep range queries (due mail, due timers) in the database.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
