using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Certification;
using NspWorkflow.Web.Features.Mail.Pages;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Features.Tasks.Pages;
using NspWorkflow.Web.Infrastructure.Localization;
using NspWorkflow.Web.Pathways;
using NspWorkflow.Web.Tests.Pathways;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Infrastructure.Localization;

/// <summary>
/// The one message table: every key has its Swedish and its English text, every key the pages and the code name exists,
/// and what a person reads about a rule, a form, an outcome or a mail is never a raw key.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class MessageTableTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly MessageTable table = new();

    [Fact]
    public void Every_key_has_a_swedish_and_an_english_text()
    {
        var swedish = table.Keys(MessageTable.Swedish);
        var english = table.Keys(MessageTable.English);

        Assert.True(swedish.Count > 300, $"Only {swedish.Count} Swedish texts.");
        Assert.Empty(swedish.Except(english));
        Assert.Empty(english.Except(swedish));
        Assert.All(swedish, key => Assert.False(string.IsNullOrWhiteSpace(table.Find(key, MessageTable.English)), key));
    }

    [Fact]
    public void Every_rule_violation_code_has_its_texts_at_the_field_and_with_the_fields_label_and_every_expected_value_its_words()
    {
        var keys = Enum.GetValues<RuleViolationCode>()
            .SelectMany(code => new[] { RuleViolationTexts.KeyOf(code, withLabel: false), RuleViolationTexts.KeyOf(code, withLabel: true) })
            .Append(RuleViolationTexts.KeyOf(RuleViolationCode.OutOfRange, false, hasLimits: false))
            .Append(RuleViolationTexts.KeyOf(RuleViolationCode.OutOfRange, true, hasLimits: false))
            .Concat(Enum.GetValues<ExpectedValue>().Select(value => RuleViolationTexts.KeyOf(value)));

        AssertBothLanguages(keys);
    }

    [Fact]
    public void Every_certification_step_and_action_state_has_both_texts() =>
        AssertBothLanguages([
            .. Enum.GetValues<CertificationStage>().Select(CertificationDisplay.StageName),
            .. Enum.GetValues<ActionItemStatus>().Select(CertificationDisplay.ActionStatusName),
            .. Enum.GetValues<RoutineCheckStatus>().Select(CertificationDisplay.RoutineCheckStatusName),
        ]);

    [Fact]
    public void Every_form_its_outcomes_the_task_states_and_every_mail_kind_and_text_have_both_texts()
    {
        var forms = shared.App.Services.GetServices<ITaskForm>().ToList();

        AssertBothLanguages([
            .. forms.Select(f => f.Label), TaskFormRegistry.UnknownLabel,
            .. forms.SelectMany(f => f.Outcomes.Select(o => TaskDisplay.OutcomeLabel(f.Key, o))), TaskDisplay.OutcomeLabel("no-such-outcome"),
            .. forms.Where(f => f.Decides is not null).SelectMany(f => f.Outcomes.Select(o => PathwayMailer.DecisionOutcome(f.Key, o))),
            .. forms.Select(f => f.Decides).OfType<string>(),
            .. Enum.GetValues<WaitStatus>().Select(TaskDisplay.StatusLabel),
            .. MailDisplay.Kinds.Select(MailDisplay.KindLabel), MailDisplay.KindLabel("no-such-kind"),
            PathwayMailer.TaskSubject, PathwayMailer.ReminderSubject, CoordinatorDigestJob.Subject,
        ]);
        // Every form the pathways use was checked above.
        Assert.Equal(["admission-completion", "admission-review", "certification-grant", "certification-questionnaire", "certification-review", "certification-visit", "exit-report", "extended-review", "integration-review", "invoice-attestation",
            "mmm-noted", "motivated-supplement-review", "next-step", "point-intervention-review", "routine-check", "routine-check-report"], forms.Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_key_the_pages_and_the_code_name_literally_is_in_the_table()
    {
        var web = Path.Combine(PathwayFiles.RepositoryRoot, "src", "NspWorkflow.Web");
        var named = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape((m.Groups[1].Success ? m.Groups[1] : m.Groups[2]).Value))))
            .ToList();

        Assert.True(named.Count > 200, $"Only {named.Count} keys found: the pattern no longer matches the pages.");
        var swedish = table.Keys(MessageTable.Swedish);
        Assert.Empty(named.Where(n => !swedish.Contains(n.Key)).Select(n => $"{n.File}: {n.Key}").Distinct());
    }

    [Fact]
    public async Task The_api_words_its_problems_in_swedish_and_in_english_when_the_client_asks()
    {
        using var coordinator = await shared.App.ApiClientAsync("demo-coordinator");
        var path = $"/api/cases/{Guid.NewGuid()}";

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var english = await coordinator.SendAsync(request);
        using var defaultRequest = new HttpRequestMessage(HttpMethod.Get, path);
        var standard = await coordinator.SendAsync(defaultRequest);

        Assert.Equal("Does not exist.", (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal("Finns inte.", (await standard.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    private void AssertBothLanguages(IEnumerable<string> keys)
    {
        var missing = keys.Distinct()
            .Where(key => table.Find(key, MessageTable.Swedish) is null || !table.Keys(MessageTable.English).Contains(key))
            .ToList();
        Assert.Empty(missing);
    }

    [GeneratedRegex("""(?:\bT|localizer)\[\s*"((?:[^"\\]|\\.)+)"|public const string \w+(?:Title|Message|Label|Subject|WithReason) = "((?:[^"\\]|\\.)+)";""")]
    private static partial Regex LiteralKey();
}
