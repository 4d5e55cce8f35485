using CaseFy.Model;
using CaseFy.Model.Templates;

namespace CaseFy.UnitTests;

/// <summary>Every refusal of <see cref="TemplateRules.Validate"/>, one row each: a valid draft with one thing wrong, and the JSON path named.</summary>
public sealed class TemplateRefusalTests
{
    private const string Secret = "0123456789abcdef";

    private static StageDraft Intake() => new("intake", "Intake")
    {
        Documents = [new DocumentDraft("form", "Form") { Provider = DocumentProvider.External, ContentTypes = ["application/pdf"], MaxBytes = 1000 }],
        Tasks = [new TaskDraft("check", "Check") { Assignee = "owner", DueInHours = 1, Required = true }],
        Decision = new DecisionDraft("Covered?", [new("pay", "Pay", "next"), new("again", "Again", "goToStage:review"), new("no", "No", "close:rejected")]),
        OnEnter =
        [
            new AutomationDraft(AutomationType.CreateTask) { Task = new TaskDraft("call", "Call") },
            new AutomationDraft(AutomationType.RequestDocument) { Document = "photos" },
            new AutomationDraft(AutomationType.Assign) { Assignee = "owner", TaskKey = "check" },
            new AutomationDraft(AutomationType.Webhook) { Url = "https://example.org/hook", Secret = Secret },
            new AutomationDraft(AutomationType.PublishEvent) { Event = "claim-opened" },
        ],
        OnExit = [new AutomationDraft(AutomationType.Webhook) { Url = "http://127.0.0.1:8080/hook" }],
        SlaHours = 2,
        OnBreach = new BreachDraft("owner", "https://example.org/breach", Secret),
        Advance = AdvanceMode.Manual,
    };

    private static StageDraft Review() => new("review", "Review")
    {
        Documents = [new DocumentDraft("photos", "Photos") { ContentTypes = ["image/png", "image/jpeg"], MaxBytes = TemplateRules.MaxDocumentBytes }],
        Advance = AdvanceMode.Auto,
    };

    private static TemplateDraft Valid() => new("Claims", "Insurance claims", [Intake(), Review()]);

    private static TemplateDraft WithIntake(Func<StageDraft, StageDraft> change) => Valid() with { Stages = [change(Intake()), Review()] };

    private static TemplateDraft WithEnter(int index, AutomationDraft? automation) => WithIntake(s => s with
    {
        OnEnter = [.. s.OnEnter!.Select((a, i) => i == index ? automation : a)],
    });

    private static TemplateDraft WithTask(TaskDraft? task) => WithIntake(s => s with { Tasks = [task] });

    private static TemplateDraft WithDocument(DocumentDraft? document) => WithIntake(s => s with { Documents = [document] });

    private static TemplateDraft WithOption(DecisionOptionDraft? option) =>
        WithIntake(s => s with { Decision = s.Decision! with { Options = [new("pay", "Pay", "next"), option] } });

    private static DocumentDraft Doc(string key = "form") => new(key, "Form") { ContentTypes = ["application/pdf"], MaxBytes = 1000 };

    private static readonly Dictionary<string, (Func<TemplateDraft> Draft, string Path)> Rows = new()
    {
        ["name missing"] = (() => Valid() with { Name = " " }, "$.name"),
        ["name too long"] = (() => Valid() with { Name = new string('n', TextRules.MaxNameLength + 1) }, "$.name"),
        ["name with a control character"] = (() => Valid() with { Name = "Claims\u0007" }, "$.name"),
        ["description too long"] = (() => Valid() with { Description = new string('d', TextRules.MaxDescriptionLength + 1) }, "$.description"),
        ["stages missing"] = (() => Valid() with { Stages = null }, "$.stages"),
        ["stages empty"] = (() => Valid() with { Stages = [] }, "$.stages"),
        ["too many stages"] = (() => Valid() with { Stages = [.. Enumerable.Range(0, TemplateRules.MaxStages + 1).Select(i => new StageDraft($"s{i}", "S"))] }, "$.stages"),
        ["stage null"] = (() => Valid() with { Stages = [Intake(), Review(), null] }, "$.stages[2]"),
        ["stage key malformed"] = (() => WithIntake(s => s with { Key = "Intake" }), "$.stages[0].key"),
        ["stage key repeated"] = (() => Valid() with { Stages = [Intake(), Review(), new StageDraft("review", "Again")] }, "$.stages[2].key"),
        ["stage name missing"] = (() => WithIntake(s => s with { Name = null }), "$.stages[0].name"),
        ["too many documents"] = (() => WithIntake(s => s with { Documents = [.. Enumerable.Range(0, TemplateRules.MaxDocumentsPerStage + 1).Select(i => Doc($"d{i}"))] }), "$.stages[0].documents"),
        ["document null"] = (() => WithDocument(null), "$.stages[0].documents[0]"),
        ["document key malformed"] = (() => WithDocument(Doc("Form")), "$.stages[0].documents[0].key"),
        ["document key repeated in another stage"] = (() => Valid() with { Stages = [Intake(), Review() with { Documents = [.. Review().Documents!, Doc("form")] }] }, "$.stages[1].documents[1].key"),
        ["document name missing"] = (() => WithDocument(Doc() with { Name = "" }), "$.stages[0].documents[0].name"),
        ["document content types missing"] = (() => WithDocument(Doc() with { ContentTypes = null }), "$.stages[0].documents[0].contentTypes"),
        ["document content types too many"] = (() => WithDocument(Doc() with { ContentTypes = [.. Enumerable.Range(0, TemplateRules.MaxContentTypes + 1).Select(i => $"image/x{i}")] }), "$.stages[0].documents[0].contentTypes"),
        ["document content type malformed"] = (() => WithDocument(Doc() with { ContentTypes = ["application/pdf", "PDF"] }), "$.stages[0].documents[0].contentTypes[1]"),
        ["document max bytes missing"] = (() => WithDocument(Doc() with { MaxBytes = null }), "$.stages[0].documents[0].maxBytes"),
        ["document max bytes zero"] = (() => WithDocument(Doc() with { MaxBytes = 0 }), "$.stages[0].documents[0].maxBytes"),
        ["document max bytes over the limit"] = (() => WithDocument(Doc() with { MaxBytes = TemplateRules.MaxDocumentBytes + 1 }), "$.stages[0].documents[0].maxBytes"),
        ["too many tasks"] = (() => WithIntake(s => s with { Tasks = [.. Enumerable.Range(0, TemplateRules.MaxTasksPerStage + 1).Select(i => new TaskDraft($"t{i}", "T"))], OnEnter = [] }), "$.stages[0].tasks"),
        ["task null"] = (() => WithIntake(s => s with { Tasks = [null], OnEnter = [] }), "$.stages[0].tasks[0]"),
        ["task key malformed"] = (() => WithIntake(s => s with { Tasks = [new TaskDraft("-x", "T")], OnEnter = [] }), "$.stages[0].tasks[0].key"),
        ["task key repeated in its stage"] = (() => WithIntake(s => s with { Tasks = [new TaskDraft("check", "A"), new TaskDraft("check", "B")] }), "$.stages[0].tasks[1].key"),
        ["task title missing"] = (() => WithTask(new TaskDraft("check", null)), "$.stages[0].tasks[0].title"),
        ["task assignee not a role"] = (() => WithTask(new TaskDraft("check", "T") { Assignee = "Team Lead" }), "$.stages[0].tasks[0].assignee"),
        ["task due in zero hours"] = (() => WithTask(new TaskDraft("check", "T") { DueInHours = 0 }), "$.stages[0].tasks[0].dueInHours"),
        ["task due beyond a year"] = (() => WithTask(new TaskDraft("check", "T") { DueInHours = TemplateRules.MaxHours + 1 }), "$.stages[0].tasks[0].dueInHours"),
        ["decision question missing"] = (() => WithIntake(s => s with { Decision = s.Decision! with { Question = " " } }), "$.stages[0].decision.question"),
        ["decision options missing"] = (() => WithIntake(s => s with { Decision = s.Decision! with { Options = null } }), "$.stages[0].decision.options"),
        ["decision with one option"] = (() => WithIntake(s => s with { Decision = s.Decision! with { Options = [new("pay", "Pay", "next")] } }), "$.stages[0].decision.options"),
        ["decision with too many options"] = (() => WithIntake(s => s with { Decision = s.Decision! with { Options = [.. Enumerable.Range(0, TemplateRules.MaxOptions + 1).Select(i => new DecisionOptionDraft($"o{i}", "O", "next"))] } }), "$.stages[0].decision.options"),
        ["decision option null"] = (() => WithOption(null), "$.stages[0].decision.options[1]"),
        ["decision option key repeated"] = (() => WithOption(new("pay", "Pay again", "next")), "$.stages[0].decision.options[1].key"),
        ["decision option label missing"] = (() => WithOption(new("no", null, "next")), "$.stages[0].decision.options[1].label"),
        ["decision option outcome malformed"] = (() => WithOption(new("no", "No", "later")), "$.stages[0].decision.options[1].outcome"),
        ["decision option to an unknown stage"] = (() => WithOption(new("no", "No", "goToStage:nowhere")), "$.stages[0].decision.options[1].outcome"),
        ["too many automations"] = (() => WithIntake(s => s with { OnExit = [.. Enumerable.Range(0, TemplateRules.MaxAutomationsPerList + 1).Select(_ => new AutomationDraft(AutomationType.PublishEvent) { Event = "e" })] }), "$.stages[0].onExit"),
        ["automation null"] = (() => WithEnter(0, null), "$.stages[0].onEnter[0]"),
        ["automation type missing"] = (() => WithEnter(0, new AutomationDraft(Type: null)), "$.stages[0].onEnter[0].type"),
        ["automation field of another type"] = (() => WithEnter(4, new AutomationDraft(AutomationType.PublishEvent) { Event = "e", Url = "https://example.org" }), "$.stages[0].onEnter[4].url"),
        ["createTask without its task"] = (() => WithEnter(0, new AutomationDraft(AutomationType.CreateTask)), "$.stages[0].onEnter[0].task"),
        ["createTask with a task key of the stage"] = (() => WithEnter(0, new AutomationDraft(AutomationType.CreateTask) { Task = new TaskDraft("check", "Again") }), "$.stages[0].onEnter[0].task.key"),
        ["requestDocument of an unknown document"] = (() => WithEnter(1, new AutomationDraft(AutomationType.RequestDocument) { Document = "passport" }), "$.stages[0].onEnter[1].document"),
        ["assign to no role"] = (() => WithEnter(2, new AutomationDraft(AutomationType.Assign) { Assignee = "The Boss" }), "$.stages[0].onEnter[2].assignee"),
        ["assign an unknown task"] = (() => WithEnter(2, new AutomationDraft(AutomationType.Assign) { Assignee = "owner", TaskKey = "later" }), "$.stages[0].onEnter[2].taskKey"),
        ["webhook over plain http"] = (() => WithEnter(3, new AutomationDraft(AutomationType.Webhook) { Url = "http://example.org/hook" }), "$.stages[0].onEnter[3].url"),
        ["webhook URL with user info"] = (() => WithEnter(3, new AutomationDraft(AutomationType.Webhook) { Url = "https://user:pw@example.org/hook" }), "$.stages[0].onEnter[3].url"),
        ["webhook secret too short"] = (() => WithEnter(3, new AutomationDraft(AutomationType.Webhook) { Url = "https://example.org/hook", Secret = "short" }), "$.stages[0].onEnter[3].secret"),
        ["publishEvent name malformed"] = (() => WithEnter(4, new AutomationDraft(AutomationType.PublishEvent) { Event = "Claim Opened" }), "$.stages[0].onEnter[4].event"),
        ["SLA of negative hours"] = (() => WithIntake(s => s with { SlaHours = -1 }), "$.stages[0].slaHours"),
        ["breach action without an SLA"] = (() => WithIntake(s => s with { SlaHours = null }), "$.stages[0].onBreach"),
        ["breach escalation to no role"] = (() => WithIntake(s => s with { OnBreach = s.OnBreach! with { EscalateTo = "Nobody!" } }), "$.stages[0].onBreach.escalateTo"),
        ["breach webhook over plain http"] = (() => WithIntake(s => s with { OnBreach = s.OnBreach! with { WebhookUrl = "http://example.org/x" } }), "$.stages[0].onBreach.webhookUrl"),
        ["breach webhook secret with a control character"] = (() => WithIntake(s => s with { OnBreach = s.OnBreach! with { WebhookSecret = Secret + "\n" } }), "$.stages[0].onBreach.webhookSecret"),
    };

    public static TheoryData<string> Refusals => [.. Rows.Keys];

    [Fact]
    public void Validate_TheFullDraft_HasNoErrors()
    {
        Assert.Empty(TemplateRules.Validate(Valid()));
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Validate_OneThingWrong_NamesExactlyItsJsonPath(string refusal)
    {
        var (draft, path) = Rows[refusal];

        var errors = TemplateRules.Validate(draft());

        Assert.Equal([path], errors.Keys);
        Assert.All(errors[path], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public void ToTemplate_FullDraft_KeepsEveryPartAndFillsDefaults()
    {
        var template = TemplateRules.ToTemplate(Valid(), "claims", 4, SampleCase.Ana, SampleCase.T0);

        Assert.Equal(("claims", 4, "Claims", "Insurance claims", SampleCase.Ana), (template.Id, template.Version, template.Name, template.Description, template.CreatedBy));
        var intake = template.Stages[0];
        Assert.Equal(new DocumentRequirement("form", "Form", DocumentProvider.External, ["application/pdf"], 1000), intake.Documents[0], DocumentComparer.Instance);
        Assert.Equal(new TaskDefinition("check", "Check", "owner", 1, true), intake.Tasks[0]);
        Assert.Equal(["next", "goToStage:review", "close:rejected"], intake.Decision!.Options.Select(o => o.Outcome));
        Assert.Equal(new TaskDefinition("call", "Call", "owner", null, true), intake.OnEnter[0].Task);
        Assert.Equal([AutomationType.CreateTask, AutomationType.RequestDocument, AutomationType.Assign, AutomationType.Webhook, AutomationType.PublishEvent], intake.OnEnter.Select(a => a.Type));
        Assert.Equal(("photos", "owner", "check", "claim-opened"), (intake.OnEnter[1].Document, intake.OnEnter[2].Assignee, intake.OnEnter[2].TaskKey, intake.OnEnter[4].Event));
        Assert.Equal(new BreachAction("owner", "https://example.org/breach", Secret), intake.OnBreach);
        Assert.Equal((2.0, AdvanceMode.Manual), (intake.SlaHours!.Value, intake.Advance));
        Assert.Equal((DocumentProvider.Internal, AdvanceMode.Auto), (template.Stages[1].Documents[0].Provider, template.Stages[1].Advance));
    }

    [Fact]
    public void Redact_TemplateWithSecrets_DropsEverySecretAndKeepsTheRest()
    {
        var template = TemplateRules.ToTemplate(Valid(), "claims", SampleCase.Ana, SampleCase.T0);

        var redacted = TemplateSecrets.Redact(template);

        Assert.All(redacted.Stages.SelectMany(s => s.OnEnter.Concat(s.OnExit)), a => Assert.Null(a.Secret));
        Assert.Null(redacted.Stages[0].OnBreach!.WebhookSecret);
        Assert.Equal("https://example.org/breach", redacted.Stages[0].OnBreach!.WebhookUrl);
        Assert.Equal(Secret, template.Stages[0].OnEnter[3].Secret);
        Assert.Null(redacted.Stages[1].OnBreach);
    }

    [Theory]
    [InlineData("next", StageRouteKind.Next, "")]
    [InlineData("goToStage:review", StageRouteKind.GoToStage, "review")]
    [InlineData("close:rejected", StageRouteKind.Close, "rejected")]
    public void StageRoute_Parse_ReadsEachKind(string text, StageRouteKind kind, string target)
    {
        Assert.Equal(new StageRoute(kind, target), StageRoute.Parse(text));
    }

    [Theory]
    [InlineData("Next")]
    [InlineData("goToStage:")]
    [InlineData("close:Bad Outcome")]
    public void StageRoute_Parse_Malformed_Throws(string text)
    {
        Assert.Throws<FormatException>(() => StageRoute.Parse(text));
    }

    // Records holding lists compare the lists by reference; compare what a document requirement says instead.
    private sealed class DocumentComparer : IEqualityComparer<DocumentRequirement>
    {
        public static readonly DocumentComparer Instance = new();

        public bool Equals(DocumentRequirement? x, DocumentRequirement? y) =>
            x is not null && y is not null && (x.Key, x.Name, x.Provider, x.MaxBytes) == (y.Key, y.Name, y.Provider, y.MaxBytes)
            && x.ContentTypes.SequenceEqual(y.ContentTypes);

        public int GetHashCode(DocumentRequirement obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
