using System.Text.Json;
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
        Decision = new DecisionDraft("Covered?",
        [
            new("pay", "Pay", "next") { Routes = [new ConditionalRouteDraft(new FieldConditionDraft("amount", ConditionOperator.Gt, Json("10000")), "goToStage:review")] },
            new("again", "Again", "goToStage:review"),
            new("no", "No", "close:rejected"),
        ]),
        OnEnter =
        [
            new AutomationDraft(AutomationType.CreateTask) { Task = new TaskDraft("call", "Call") },
            new AutomationDraft(AutomationType.RequestDocument) { Document = "photos" },
            new AutomationDraft(AutomationType.Assign) { Assignee = "owner", TaskKey = "check" },
            new AutomationDraft(AutomationType.Webhook) { Url = "https://example.org/hook", Secret = Secret },
            new AutomationDraft(AutomationType.PublishEvent) { Event = "claim-opened" },
            new AutomationDraft(AutomationType.Route) { When = new FieldConditionDraft("police", ConditionOperator.Eq, Json("true")), Outcome = "goToStage:review" },
        ],
        OnExit = [new AutomationDraft(AutomationType.Webhook) { Url = "http://127.0.0.1:8080/hook" }],
        SlaHours = 2,
        OnBreach = new BreachDraft("owner", "https://example.org/breach", Secret),
        Advance = AdvanceMode.Manual,
        RequiredFields = ["policyNumber", "amount"],
        ExternalFields = ["policyNumber"],
    };

    private static StageDraft Review() => new("review", "Review")
    {
        Documents = [new DocumentDraft("photos", "Photos") { ContentTypes = ["image/png", "image/jpeg"], MaxBytes = TemplateRules.MaxDocumentBytes }],
        Advance = AdvanceMode.Auto,
    };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    // One field of every type, each with the rules its type allows.
    private static FieldDraft[] Fields() =>
    [
        new("policyNumber", "Policy number", FieldType.Text) { Pattern = "[A-Z]{2}-[0-9]{6}", MaxLength = 9, FilledBy = FieldFiller.Both, VisibleToExternal = true, Filterable = true },
        new("amount", "Amount", FieldType.Money) { Currency = "EUR", Min = Json("0"), Max = Json("1000000.50"), Sensitive = true, Required = true },
        new("incidentDate", "Incident date", FieldType.Date) { Min = Json("\"2000-01-01\""), Max = Json("\"2100-12-31\"") },
        new("reportedAt", "Reported at", FieldType.DateTime) { Min = Json("\"2000-01-01T00:00:00Z\"") },
        new("kind", "Kind", FieldType.Choice) { Options = ["car", "home"], Help = "What was damaged." },
        new("damages", "Damages", FieldType.MultiChoice) { Options = ["glass", "body", "engine"] },
        new("police", "Police report", FieldType.Boolean),
        new("contact", "E-mail", FieldType.Email) { FilledBy = FieldFiller.External },
        new("phone", "Phone", FieldType.Phone),
        new("photos", "Photo album", FieldType.Url),
        new("story", "What happened", FieldType.LongText) { MaxLength = 5000 },
        new("passengers", "Passengers", FieldType.Number) { Min = Json("0"), Max = Json("9") },
    ];

    private static TemplateDraft Valid() => new("Claims", "Insurance claims", [Intake(), Review()])
    {
        Fields = Fields(),
        Prefix = "CLM",
        CardFields = ["kind", "amount"],
        Reminders = new RemindersDraft(24, 0.5),
    };

    private static StageDraft WithoutRoutes(StageDraft stage) => stage with
    {
        Decision = stage.Decision! with { Options = [.. stage.Decision.Options!.Select(o => o! with { Routes = null })] },
        OnEnter = [.. stage.OnEnter!.Where(a => a!.Type != AutomationType.Route)],
    };

    private static TemplateDraft WithRoute(FieldConditionDraft? when, string outcome = "goToStage:review") =>
        WithIntake(s => s with
        {
            Decision = s.Decision! with { Options = [s.Decision.Options![0]! with { Routes = [new ConditionalRouteDraft(when, outcome)] }, .. s.Decision.Options.Skip(1)] },
        });

    private static TemplateDraft WithField(int index, Func<FieldDraft, FieldDraft?> change) =>
        Valid() with { Fields = [.. Fields().Select((f, i) => i == index ? change(f) : f)] };

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
        ["task reminder lead of zero hours"] = (() => Valid() with { Reminders = new RemindersDraft(0, null) }, "$.reminders.taskLeadHours"),
        ["SLA reminder lead of negative hours"] = (() => Valid() with { Reminders = new RemindersDraft(24, -1) }, "$.reminders.slaLeadHours"),
        ["SLA reminder lead beyond 30 days"] = (() => Valid() with { Reminders = new RemindersDraft(null, TemplateRules.MaxReminderLeadHours + 1) }, "$.reminders.slaLeadHours"),
        ["prefix in lowercase"] = (() => Valid() with { Prefix = "clm" }, "$.prefix"),
        ["prefix of one letter"] = (() => Valid() with { Prefix = "C" }, "$.prefix"),
        ["prefix of seven letters"] = (() => Valid() with { Prefix = "CLAIMSX" }, "$.prefix"),
        ["prefix with a digit"] = (() => Valid() with { Prefix = "CL1" }, "$.prefix"),
        ["prefix with a hyphen"] = (() => Valid() with { Prefix = "CL-M" }, "$.prefix"),
        ["fields too many"] = (() => Valid() with { Fields = [.. Fields(), .. Enumerable.Range(0, FieldLimits.MaxFields + 1 - Fields().Length).Select(i => new FieldDraft($"extra{i}", "F", FieldType.Text))] }, "$.fields"),
        ["field null"] = (() => WithField(2, _ => null), "$.fields[2]"),
        ["field key with a dash"] = (() => WithField(2, f => f with { Key = "incident-date" }), "$.fields[2].key"),
        ["field key starting with a capital"] = (() => WithField(2, f => f with { Key = "IncidentDate" }), "$.fields[2].key"),
        ["field key repeated"] = (() => WithField(3, f => f with { Key = "incidentDate" }), "$.fields[3].key"),
        ["field label missing"] = (() => WithField(0, f => f with { Label = " " }), "$.fields[0].label"),
        ["field type missing"] = (() => WithField(6, f => f with { Type = null }), "$.fields[6].type"),
        ["field help too long"] = (() => WithField(4, f => f with { Help = new string('h', FieldLimits.MaxHelpLength + 1) }), "$.fields[4].help"),
        ["options on a text field"] = (() => WithField(0, f => f with { Options = ["a"] }), "$.fields[0].options"),
        ["choice without options"] = (() => WithField(4, f => f with { Options = null }), "$.fields[4].options"),
        ["choice with an empty option list"] = (() => WithField(5, f => f with { Options = [] }), "$.fields[5].options"),
        ["choice with too many options"] = (() => WithField(4, f => f with { Options = [.. Enumerable.Range(0, FieldLimits.MaxOptions + 1).Select(i => $"o{i}")] }), "$.fields[4].options"),
        ["choice option blank"] = (() => WithField(4, f => f with { Options = ["car", " "] }), "$.fields[4].options[1]"),
        ["choice option repeated"] = (() => WithField(5, f => f with { Options = ["glass", "body", "glass "] }), "$.fields[5].options[2]"),
        ["min on a text field"] = (() => WithField(0, f => f with { Min = Json("1") }), "$.fields[0].min"),
        ["max on a boolean"] = (() => WithField(6, f => f with { Max = Json("true") }), "$.fields[6].max"),
        ["number min as a string"] = (() => WithField(11, f => f with { Min = Json("\"0\"") }), "$.fields[11].min"),
        ["date min malformed"] = (() => WithField(2, f => f with { Min = Json("\"01/01/2000\"") }), "$.fields[2].min"),
        ["dateTime min without an offset"] = (() => WithField(3, f => f with { Min = Json("\"2000-01-01T00:00:00\"") }), "$.fields[3].min"),
        ["number max below min"] = (() => WithField(11, f => f with { Min = Json("10") }), "$.fields[11].max"),
        ["date max before min"] = (() => WithField(2, f => f with { Max = Json("\"1999-12-31\"") }), "$.fields[2].max"),
        ["maxLength on a number"] = (() => WithField(11, f => f with { MaxLength = 3 }), "$.fields[11].maxLength"),
        ["maxLength zero"] = (() => WithField(0, f => f with { MaxLength = 0 }), "$.fields[0].maxLength"),
        ["maxLength over the type's limit"] = (() => WithField(10, f => f with { MaxLength = FieldLimits.MaxLength(FieldType.LongText) + 1 }), "$.fields[10].maxLength"),
        ["pattern on a date"] = (() => WithField(2, f => f with { Pattern = "2.*" }), "$.fields[2].pattern"),
        ["pattern that does not compile"] = (() => WithField(0, f => f with { Pattern = "([A-Z]" }), "$.fields[0].pattern"),
        ["pattern that would escape its anchors"] = (() => WithField(0, f => f with { Pattern = "a)|(b" }), "$.fields[0].pattern"),
        ["pattern with a backreference"] = (() => WithField(0, f => f with { Pattern = "(a+)\\1" }), "$.fields[0].pattern"),
        ["pattern with a lookahead"] = (() => WithField(0, f => f with { Pattern = "(?=a)a+" }), "$.fields[0].pattern"),
        ["pattern with an atomic group"] = (() => WithField(0, f => f with { Pattern = "(?>a+)b" }), "$.fields[0].pattern"),
        ["pattern too long"] = (() => WithField(0, f => f with { Pattern = new string('a', FieldLimits.MaxPatternLength + 1) }), "$.fields[0].pattern"),
        ["pattern empty"] = (() => WithField(0, f => f with { Pattern = string.Empty }), "$.fields[0].pattern"),
        ["money without a currency"] = (() => WithField(1, f => f with { Currency = null }), "$.fields[1].currency"),
        ["money currency in lowercase"] = (() => WithField(1, f => f with { Currency = "eur" }), "$.fields[1].currency"),
        ["currency on a number"] = (() => WithField(11, f => f with { Currency = "EUR" }), "$.fields[11].currency"),
        ["filterable long text"] = (() => WithField(10, f => f with { Filterable = true }), "$.fields[10].filterable"),
        ["required field unknown"] = (() => WithIntake(s => s with { RequiredFields = ["policyNumber", "nothing"] }), "$.stages[0].requiredFields[1]"),
        ["required field listed twice"] = (() => WithIntake(s => s with { RequiredFields = ["amount", "amount"] }), "$.stages[0].requiredFields[1]"),
        ["required field null"] = (() => WithIntake(s => s with { RequiredFields = [null] }), "$.stages[0].requiredFields[0]"),
        ["external field filled by the team"] = (() => WithIntake(s => s with { ExternalFields = ["policyNumber", "amount"] }), "$.stages[0].externalFields[1]"),
        ["external field unknown"] = (() => WithIntake(s => s with { ExternalFields = ["Policy"] }), "$.stages[0].externalFields[0]"),
        ["card field unknown"] = (() => Valid() with { CardFields = ["amount", "nothing"] }, "$.cardFields[1]"),
        ["card field of long text"] = (() => Valid() with { CardFields = ["story"] }, "$.cardFields[0]"),
        ["card field listed twice"] = (() => Valid() with { CardFields = ["kind", "kind"] }, "$.cardFields[1]"),
        ["too many card fields"] = (() => Valid() with { CardFields = ["kind", "amount", "police", "phone", "contact", "photos", "passengers"] }, "$.cardFields"),
        ["route on an unknown field"] = (() => WithRoute(new("nothing", ConditionOperator.Eq, Json("1"))), "$.stages[0].decision.options[0].routes[0].when.field"),
        ["route ordering a text field"] = (() => WithRoute(new("policyNumber", ConditionOperator.Gt, Json("\"AB-000001\""))), "$.stages[0].decision.options[0].routes[0].when.op"),
        ["route ordering a choice"] = (() => WithRoute(new("kind", ConditionOperator.Lte, Json("\"car\""))), "$.stages[0].decision.options[0].routes[0].when.op"),
        ["route on a multiChoice"] = (() => WithRoute(new("damages", ConditionOperator.Eq, Json("\"glass\""))), "$.stages[0].decision.options[0].routes[0].when.op"),
        ["route without an operator"] = (() => WithRoute(new("amount", null, Json("1"))), "$.stages[0].decision.options[0].routes[0].when.op"),
        ["route comparing a number with text"] = (() => WithRoute(new("amount", ConditionOperator.Gt, Json("\"10000\""))), "$.stages[0].decision.options[0].routes[0].when.value"),
        ["route comparing a date with a bad date"] = (() => WithRoute(new("incidentDate", ConditionOperator.Lt, Json("\"03/03/2026\""))), "$.stages[0].decision.options[0].routes[0].when.value"),
        ["route comparing a choice with no option"] = (() => WithRoute(new("kind", ConditionOperator.Eq, Json("\"boat\""))), "$.stages[0].decision.options[0].routes[0].when.value"),
        ["route without a value"] = (() => WithRoute(new("amount", ConditionOperator.Gt, null)), "$.stages[0].decision.options[0].routes[0].when.value"),
        ["route without a condition"] = (() => WithRoute(null), "$.stages[0].decision.options[0].routes[0].when"),
        ["route to an unknown stage"] = (() => WithRoute(new("amount", ConditionOperator.Gt, Json("1")), "goToStage:nowhere"), "$.stages[0].decision.options[0].routes[0].outcome"),
        ["route automation closing"] = (() => WithIntake(s => s with { OnEnter = [.. s.OnEnter!.Take(5), s.OnEnter![5]! with { Outcome = "close:done" }] }), "$.stages[0].onEnter[5].outcome"),
        ["route automation on exit"] = (() => WithIntake(s => s with { OnExit = [s.OnEnter![5]] }), "$.stages[0].onExit[0].type"),
        ["route automation with an event"] = (() => WithIntake(s => s with { OnEnter = [.. s.OnEnter!.Take(5), s.OnEnter![5]! with { Event = "x" }] }), "$.stages[0].onEnter[5].event"),
        ["when on a webhook automation"] = (() => WithIntake(s => s with { OnExit = [s.OnExit![0]! with { When = new("amount", ConditionOperator.Gt, Json("1")) }] }), "$.stages[0].onExit[0].when"),
        ["external field of a template without fields"] = (() => Valid() with { Fields = null, CardFields = null, Stages = [WithoutRoutes(Intake()) with { RequiredFields = null }, Review()] }, "$.stages[0].externalFields[0]"),
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

        Assert.Equal(("claims", 4, "Claims", "Insurance claims", SampleCase.Ana, "CLM"), (template.Id, template.Version, template.Name, template.Description, template.CreatedBy, template.Prefix));
        var intake = template.Stages[0];
        Assert.Equal(new DocumentRequirement("form", "Form", DocumentProvider.External, ["application/pdf"], 1000), intake.Documents[0], DocumentComparer.Instance);
        Assert.Equal(new TaskDefinition("check", "Check", "owner", 1, true), intake.Tasks[0]);
        Assert.Equal(["next", "goToStage:review", "close:rejected"], intake.Decision!.Options.Select(o => o.Outcome));
        Assert.Equal(new TaskDefinition("call", "Call", "owner", null, true), intake.OnEnter[0].Task);
        Assert.Equal([AutomationType.CreateTask, AutomationType.RequestDocument, AutomationType.Assign, AutomationType.Webhook, AutomationType.PublishEvent, AutomationType.Route], intake.OnEnter.Select(a => a.Type));
        Assert.Equal(("police eq true", "goToStage:review"), (intake.OnEnter[5].When!.ToString(), intake.OnEnter[5].Outcome));
        Assert.Equal(["kind", "amount"], template.CardFields);
        Assert.Equal(new ReminderSettings(24, 0.5), template.Reminders);
        Assert.Null(TemplateRules.ToTemplate(Valid() with { Reminders = new RemindersDraft(null, null) }, "claims", SampleCase.Ana, SampleCase.T0).Reminders);
        var route = Assert.Single(intake.Decision!.Options[0].Routes);
        Assert.Equal(("amount gt 10000", "goToStage:review"), (route.When.ToString(), route.Outcome));
        Assert.Equal(("photos", "owner", "check", "claim-opened"), (intake.OnEnter[1].Document, intake.OnEnter[2].Assignee, intake.OnEnter[2].TaskKey, intake.OnEnter[4].Event));
        Assert.Equal(new BreachAction("owner", "https://example.org/breach", Secret), intake.OnBreach);
        Assert.Equal((2.0, AdvanceMode.Manual), (intake.SlaHours!.Value, intake.Advance));
        Assert.Equal((DocumentProvider.Internal, AdvanceMode.Auto), (template.Stages[1].Documents[0].Provider, template.Stages[1].Advance));
        Assert.Equal(Fields().Select(f => (f.Key!, f.Type!.Value)), template.Fields.Select(f => (f.Key, f.Type)));
        Assert.Equal((FieldFiller.Both, true, true, false, false), (template.Fields[0].FilledBy, template.Fields[0].VisibleToExternal, template.Fields[0].Filterable, template.Fields[0].Sensitive, template.Fields[0].Required));
        Assert.Equal((FieldFiller.Team, false, true, true, "EUR"), (template.Fields[1].FilledBy, template.Fields[1].VisibleToExternal, template.Fields[1].Sensitive, template.Fields[1].Required, template.Fields[1].Currency));
        Assert.Equal(["policyNumber", "amount"], intake.RequiredFields);
        Assert.Equal(["policyNumber"], intake.ExternalFields);
        Assert.Equal((0, 0), (template.Stages[1].RequiredFields.Count, template.Stages[1].ExternalFields.Count));
    }

    [Fact]
    public void Template_StoredAsJson_KeepsEveryFieldRuleExactly()
    {
        var template = TemplateRules.ToTemplate(Valid(), "claims", 2, SampleCase.Ana, SampleCase.T0);

        var json = JsonSerializer.Serialize(template, CaseFy.Model.Json.CaseFyJsonContext.Default.CaseTemplate);
        var read = JsonSerializer.Deserialize(json, CaseFy.Model.Json.CaseFyJsonContext.Default.CaseTemplate)!;

        Assert.Equal(json, JsonSerializer.Serialize(read, CaseFy.Model.Json.CaseFyJsonContext.Default.CaseTemplate));
        Assert.Equal(("1000000.50", "\"2000-01-01\"", "[A-Z]{2}-[0-9]{6}"), (read.Fields[1].Max!.Value.GetRawText(), read.Fields[2].Min!.Value.GetRawText(), read.Fields[0].Pattern));
        Assert.Contains("\"type\":\"multiChoice\"", json, StringComparison.Ordinal);
        Assert.Contains("\"filledBy\":\"both\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_TemplateWithSecrets_DropsEverySecretAndUrlPathAndKeepsTheRest()
    {
        var template = TemplateRules.ToTemplate(Valid(), "claims", SampleCase.Ana, SampleCase.T0);

        var redacted = TemplateSecrets.Redact(template);

        Assert.All(redacted.Stages.SelectMany(s => s.OnEnter.Concat(s.OnExit)), a => Assert.Null(a.Secret));
        Assert.Null(redacted.Stages[0].OnBreach!.WebhookSecret);
        Assert.Equal("https://example.org", redacted.Stages[0].OnBreach!.WebhookUrl);
        Assert.Equal(("https://example.org", "http://127.0.0.1:8080"), (redacted.Stages[0].OnEnter[3].Url, redacted.Stages[0].OnExit[0].Url));
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
