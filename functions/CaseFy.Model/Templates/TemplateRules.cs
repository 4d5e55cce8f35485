using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseFy.Model.Templates;

/// <summary>The rules a template draft must satisfy; errors are keyed by the JSON path of the offending field.</summary>
public static partial class TemplateRules
{
    public const int MaxStages = 50;
    public const int MaxDocumentsPerStage = 20;
    public const int MaxTasksPerStage = 30;
    public const int MaxAutomationsPerList = 10;
    public const int MaxOptions = 10;
    public const int MaxContentTypes = 20;
    public const long MaxDocumentBytes = 100L * 1024 * 1024;

    /// <summary>One year: the longest SLA or due time that is not a typo.</summary>
    public const double MaxHours = 24 * 366;

    /// <summary>Checks a draft.</summary>
    /// <returns>The errors by JSON path; empty when the draft is valid.</returns>
    public static Dictionary<string, string[]> Validate(TemplateDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new ValidationErrors();
        TextRules.RequireText(errors, "$.name", draft.Name, TextRules.MaxNameLength);
        TextRules.OptionalText(errors, "$.description", draft.Description, TextRules.MaxDescriptionLength);
        if (draft.Prefix is not null && !CaseNumbers.IsPrefix(draft.Prefix))
        {
            errors.Add("$.prefix", CaseNumbers.PrefixRule);
        }

        var fields = ValidateFields(errors, draft.Fields);
        if (draft.CardFields is { Count: > FieldLimits.MaxCardFields })
        {
            errors.Add("$.cardFields", $"A card shows at most {FieldLimits.MaxCardFields} fields.");
        }
        else
        {
            ValidateFieldKeys(errors, "$.cardFields", draft.CardFields, fields, field =>
                field.Type == FieldType.LongText ? "Long text does not fit on a card." : null);
        }

        ValidateIntake(errors, draft.Intake, fields);
        ValidateReminders(errors, draft.Reminders);
        if (draft.Stages is null || draft.Stages.Count == 0)
        {
            errors.Add("$.stages", "A template needs at least one stage.");
            return errors.ToDictionary();
        }

        if (draft.Stages.Count > MaxStages)
        {
            errors.Add("$.stages", $"A template has at most {MaxStages} stages.");
        }

        // References may point forward (goToStage) or to any stage's document (requestDocument): collect keys first.
        var stageKeys = draft.Stages.Where(s => TemplateKeys.IsKey(s?.Key)).Select(s => s!.Key!).ToHashSet(StringComparer.Ordinal);
        var documentKeys = draft.Stages.SelectMany(s => s?.Documents ?? [])
            .Where(d => TemplateKeys.IsKey(d?.Key)).Select(d => d!.Key!).ToHashSet(StringComparer.Ordinal);

        var seenStages = new HashSet<string>(StringComparer.Ordinal);
        var seenDocuments = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < draft.Stages.Count; i++)
        {
            var path = $"$.stages[{i}]";
            var stage = draft.Stages[i];
            if (stage is null)
            {
                errors.Add(path, "A stage is required.");
                continue;
            }

            RequireKey(errors, $"{path}.key", stage.Key, seenStages, "stage");
            TextRules.RequireText(errors, $"{path}.name", stage.Name, TextRules.MaxNameLength);
            ValidateDocuments(errors, path, stage.Documents, seenDocuments);
            var taskKeys = new HashSet<string>(StringComparer.Ordinal);
            ValidateList(errors, $"{path}.tasks", stage.Tasks, MaxTasksPerStage, (p, t) => ValidateTask(errors, p, t, taskKeys));
            ValidateDecision(errors, $"{path}.decision", stage.Decision, stageKeys, fields);
            var context = new AutomationContext(documentKeys, taskKeys, stageKeys, fields);
            ValidateList(errors, $"{path}.onEnter", stage.OnEnter, MaxAutomationsPerList, (p, a) => ValidateAutomation(errors, p, a, context));
            ValidateList(errors, $"{path}.onExit", stage.OnExit, MaxAutomationsPerList, (p, a) =>
            {
                // Leaving is already decided on exit: a route there would fight the exit for the stage.
                ValidateAutomation(errors, p, a, context);
                if (a.Type == AutomationType.Route)
                {
                    errors.Add($"{p}.type", "A route automation runs on entering a stage (onEnter) only.");
                }
            });
            ValidateHours(errors, $"{path}.slaHours", stage.SlaHours);
            ValidateBreach(errors, path, stage);
            ValidateStageFields(errors, path, stage, fields);
        }

        return errors.ToDictionary();
    }

    /// <summary>Turns a valid draft into a template version.</summary>
    public static CaseTemplate ToTemplate(TemplateDraft draft, string id, int version, Actor createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new CaseTemplate
        {
            Id = id,
            Version = version,
            Name = draft.Name!.Trim(),
            Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim(),
            Prefix = draft.Prefix,
            Stages = [.. draft.Stages!.Select(s => ToStage(s!))],
            Fields = [.. (draft.Fields ?? []).Select(f => ToField(f!))],
            CardFields = [.. (draft.CardFields ?? []).Select(k => k!)],
            Intake = ToIntake(draft.Intake),
            Reminders = ToReminders(draft.Reminders),
            CreatedAt = now,
            CreatedBy = createdBy,
        };
    }

    /// <summary>Turns a valid draft into the first version of a template.</summary>
    public static CaseTemplate ToTemplate(TemplateDraft draft, string id, Actor createdBy, DateTimeOffset now) =>
        ToTemplate(draft, id, 1, createdBy, now);

    /// <summary>Whether a value names a role tasks can be assigned to: <c>owner</c> or a participant role key.</summary>
    public static bool IsRole(string? value) => TemplateKeys.IsKey(value);

    private static StageDefinition ToStage(StageDraft s) => new(s.Key!, s.Name!.Trim())
    {
        Documents = [.. (s.Documents ?? []).Select(d => new DocumentRequirement(
            d!.Key!, d.Name!.Trim(), d.Provider ?? DocumentProvider.Internal, [.. d.ContentTypes!.Select(c => c!)], d.MaxBytes!.Value))],
        Tasks = [.. (s.Tasks ?? []).Select(t => ToTask(t!))],
        Decision = s.Decision is null
            ? null
            : new DecisionDefinition(s.Decision.Question!.Trim(), [.. s.Decision.Options!.Select(o => new DecisionOption(o!.Key!, o.Label!.Trim(), o.Outcome!)
            {
                Routes = [.. (o.Routes ?? []).Select(r => new ConditionalRoute(ToCondition(r!.When!), r.Outcome!))],
            })]),
        OnEnter = [.. (s.OnEnter ?? []).Select(a => ToAutomation(a!))],
        OnExit = [.. (s.OnExit ?? []).Select(a => ToAutomation(a!))],
        SlaHours = s.SlaHours,
        OnBreach = s.OnBreach is null ? null : new BreachAction(s.OnBreach.EscalateTo, s.OnBreach.WebhookUrl, s.OnBreach.WebhookSecret),
        Advance = s.Advance ?? AdvanceMode.Manual,
        RequiredFields = [.. (s.RequiredFields ?? []).Select(k => k!)],
        ExternalFields = [.. (s.ExternalFields ?? []).Select(k => k!)],
    };

    private static TaskDefinition ToTask(TaskDraft t) =>
        new(t.Key!, t.Title!.Trim(), t.Assignee ?? TemplateKeys.OwnerRole, t.DueInHours, t.Required ?? true);

    private static AutomationDefinition ToAutomation(AutomationDraft a) => new()
    {
        Type = a.Type!.Value,
        Task = a.Task is null ? null : ToTask(a.Task),
        Document = a.Document,
        Assignee = a.Assignee,
        TaskKey = a.TaskKey,
        Url = a.Url,
        Secret = a.Secret,
        Event = a.Event,
        When = a.When is null ? null : ToCondition(a.When),
        Outcome = a.Outcome,
    };

    private sealed record AutomationContext(
        HashSet<string> DocumentKeys, HashSet<string> StageTaskKeys, HashSet<string> StageKeys, Dictionary<string, FieldDraft> Fields);

    private static void RequireKey(ValidationErrors errors, string path, string? key, HashSet<string> seen, string what)
    {
        if (!TemplateKeys.IsKey(key))
        {
            errors.Add(path, TemplateKeys.Rule);
        }
        else if (!seen.Add(key!))
        {
            errors.Add(path, $"The {what} key '{key}' is used already.");
        }
    }

    private static void ValidateList<T>(ValidationErrors errors, string path, IReadOnlyList<T?>? items, int max, Action<string, T> validate)
        where T : class
    {
        if (items is null)
        {
            return;
        }

        if (items.Count > max)
        {
            errors.Add(path, $"At most {max} items.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                validate($"{path}[{i}]", item);
            }
            else
            {
                errors.Add($"{path}[{i}]", "An item is required here.");
            }
        }
    }

    private static void ValidateDocuments(ValidationErrors errors, string stagePath, IReadOnlyList<DocumentDraft?>? documents, HashSet<string> seen) =>
        ValidateList(errors, $"{stagePath}.documents", documents, MaxDocumentsPerStage, (path, d) =>
        {
            RequireKey(errors, $"{path}.key", d.Key, seen, "document");
            TextRules.RequireText(errors, $"{path}.name", d.Name, TextRules.MaxNameLength);
            if (d.ContentTypes is null || d.ContentTypes.Count == 0)
            {
                errors.Add($"{path}.contentTypes", "List the accepted media types (e.g. \"application/pdf\").");
            }
            else if (d.ContentTypes.Count > MaxContentTypes)
            {
                errors.Add($"{path}.contentTypes", $"At most {MaxContentTypes} media types.");
            }
            else
            {
                for (var j = 0; j < d.ContentTypes.Count; j++)
                {
                    if (!IsMediaType(d.ContentTypes[j]))
                    {
                        errors.Add($"{path}.contentTypes[{j}]", "A media type is lowercase 'type/subtype', e.g. \"image/png\".");
                    }
                }
            }

            if (d.MaxBytes is not (> 0 and <= MaxDocumentBytes))
            {
                errors.Add($"{path}.maxBytes", $"The largest accepted file, from 1 to {MaxDocumentBytes} bytes.");
            }
        });

    private static void ValidateTask(ValidationErrors errors, string path, TaskDraft task, HashSet<string> seenKeys)
    {
        RequireKey(errors, $"{path}.key", task.Key, seenKeys, "task");
        TextRules.RequireText(errors, $"{path}.title", task.Title, TextRules.MaxNameLength);
        if (task.Assignee is not null && !IsRole(task.Assignee))
        {
            errors.Add($"{path}.assignee", "The assignee is 'owner' or a participant role key.");
        }

        ValidateHours(errors, $"{path}.dueInHours", task.DueInHours);
    }

    private static void ValidateDecision(
        ValidationErrors errors, string path, DecisionDraft? decision, HashSet<string> stageKeys, Dictionary<string, FieldDraft> fields)
    {
        if (decision is null)
        {
            return;
        }

        TextRules.RequireText(errors, $"{path}.question", decision.Question, TextRules.MaxDescriptionLength);
        if (decision.Options is null || decision.Options.Count < 2)
        {
            errors.Add($"{path}.options", "A decision has at least two options.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        ValidateList(errors, $"{path}.options", decision.Options, MaxOptions, (p, option) =>
        {
            RequireKey(errors, $"{p}.key", option.Key, seen, "option");
            TextRules.RequireText(errors, $"{p}.label", option.Label, TextRules.MaxNameLength);
            ValidateOutcome(errors, $"{p}.outcome", option.Outcome, stageKeys);
            ValidateList(errors, $"{p}.routes", option.Routes, MaxOptions, (r, route) =>
            {
                ValidateCondition(errors, $"{r}.when", route.When, fields);
                ValidateOutcome(errors, $"{r}.outcome", route.Outcome, stageKeys);
            });
        });
    }

    private static void ValidateAutomation(ValidationErrors errors, string path, AutomationDraft automation, AutomationContext context)
    {
        if (automation.Type is not { } type)
        {
            errors.Add($"{path}.type", "The type is one of createTask, requestDocument, assign, webhook, publishEvent, route.");
            return;
        }

        var allowed = type switch
        {
            AutomationType.CreateTask => new[] { "task" },
            AutomationType.RequestDocument => ["document"],
            AutomationType.Assign => ["assignee", "taskKey"],
            AutomationType.Webhook => ["url", "secret"],
            AutomationType.Route => ["when", "outcome"],
            _ => ["event"],
        };
        foreach (var (field, value) in new (string, object?)[]
        {
            ("task", automation.Task), ("document", automation.Document), ("assignee", automation.Assignee),
            ("taskKey", automation.TaskKey), ("url", automation.Url), ("secret", automation.Secret), ("event", automation.Event),
            ("when", automation.When), ("outcome", automation.Outcome),
        })
        {
            if (value is not null && !allowed.Contains(field))
            {
                errors.Add($"{path}.{field}", $"This field does not apply to a {JsonName(type)} automation.");
            }
        }

        switch (type)
        {
            case AutomationType.CreateTask when automation.Task is null:
                errors.Add($"{path}.task", "A createTask automation needs the task to create.");
                break;
            case AutomationType.CreateTask:
                // Its key shares the stage's task keys, so 'assign' and the timeline can name it unambiguously.
                ValidateTask(errors, $"{path}.task", automation.Task!, context.StageTaskKeys);
                break;
            case AutomationType.RequestDocument when !TemplateKeys.IsKey(automation.Document) || !context.DocumentKeys.Contains(automation.Document!):
                errors.Add($"{path}.document", "Name a document defined in one of this template's stages.");
                break;
            case AutomationType.Assign:
                if (!IsRole(automation.Assignee))
                {
                    errors.Add($"{path}.assignee", "The assignee is 'owner' or a participant role key.");
                }

                if (automation.TaskKey is not null && !context.StageTaskKeys.Contains(automation.TaskKey))
                {
                    errors.Add($"{path}.taskKey", "Name a task of this stage (defined before this automation).");
                }

                break;
            case AutomationType.Webhook:
                ValidateWebhook(errors, $"{path}.url", automation.Url, $"{path}.secret", automation.Secret);
                break;
            case AutomationType.Route:
                ValidateCondition(errors, $"{path}.when", automation.When, context.Fields);
                if (!StageRoute.TryParse(automation.Outcome, out var route) || route.Kind != StageRouteKind.GoToStage)
                {
                    errors.Add($"{path}.outcome", "A route automation's outcome is 'goToStage:{stage key}'.");
                }
                else
                {
                    ValidateOutcome(errors, $"{path}.outcome", automation.Outcome, context.StageKeys);
                }

                break;
            case AutomationType.PublishEvent when !TemplateKeys.IsKey(automation.Event):
                errors.Add($"{path}.event", "The event name is a key: " + TemplateKeys.Rule);
                break;
        }
    }

    private static void ValidateBreach(ValidationErrors errors, string stagePath, StageDraft stage)
    {
        if (stage.OnBreach is not { } breach)
        {
            return;
        }

        if (stage.SlaHours is null)
        {
            errors.Add($"{stagePath}.onBreach", "A breach action needs the stage's slaHours.");
        }

        if (breach.EscalateTo is not null && !IsRole(breach.EscalateTo))
        {
            errors.Add($"{stagePath}.onBreach.escalateTo", "Escalate to 'owner' or a participant role key.");
        }

        if (breach.WebhookUrl is not null || breach.WebhookSecret is not null)
        {
            ValidateWebhook(errors, $"{stagePath}.onBreach.webhookUrl", breach.WebhookUrl, $"{stagePath}.onBreach.webhookSecret", breach.WebhookSecret);
        }
    }

    private static void ValidateWebhook(ValidationErrors errors, string urlPath, string? url, string secretPath, string? secret)
    {
        if (!WebhookUrls.IsAllowed(url))
        {
            errors.Add(urlPath, "An absolute https URL, at most 2000 characters, not to an internal address (plain http only to a loopback address literal, used locally).");
        }

        if (secret is not null && (secret.Length is < 16 or > 200 || secret.Any(char.IsControl)))
        {
            errors.Add(secretPath, "A signing secret is 16-200 characters without control characters.");
        }
    }

    private static void ValidateHours(ValidationErrors errors, string path, double? hours)
    {
        if (hours is { } value && !(value > 0 && value <= MaxHours))
        {
            errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"Hours are more than 0 and at most {MaxHours} (fractions allowed)."));
        }
    }

    private static bool IsMediaType(string? value) => value is { Length: <= 100 } && MediaTypePattern().IsMatch(value);

    private static string JsonName(AutomationType type) => type switch
    {
        AutomationType.CreateTask => "createTask",
        AutomationType.RequestDocument => "requestDocument",
        AutomationType.Assign => "assign",
        AutomationType.Webhook => "webhook",
        AutomationType.Route => "route",
        _ => "publishEvent",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaTypePattern();
}
