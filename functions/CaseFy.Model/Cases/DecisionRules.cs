using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Cases;

/// <summary>Records the current stage's decision; the orchestration routes the case by it once the stage is left.</summary>
public static class DecisionRules
{
    /// <exception cref="CaseRuleException">The case is closed, the stage asks no decision, or it is decided already in this visit.</exception>
    /// <exception cref="CaseItemMissingException">The option does not exist.</exception>
    public static CaseChange Record(CaseRecord current, CaseTemplate template, string option, string? rationale, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(template);
        TaskRules.RequireNotClosed(current);
        var stage = template.Stages[current.CurrentStage.Index];
        if (stage.Decision is null)
        {
            throw new CaseRuleException($"Stage '{stage.Key}' asks for no decision.");
        }

        if (ExitCriteria.DecisionOf(current) is not null)
        {
            throw new CaseRuleException($"Stage '{stage.Key}' is decided already: move the case to decide again.");
        }

        if (current.Decisions.Count >= CaseLimits.MaxDecisions)
        {
            throw new CaseRuleException($"A case has at most {CaseLimits.MaxDecisions} decisions.");
        }

        var chosen = stage.Decision.Options.FirstOrDefault(o => o.Key == option) ?? throw new CaseItemMissingException("option");
        var rationaleText = string.IsNullOrWhiteSpace(rationale) ? null : rationale.Trim();
        // A route on the case's data is resolved now and recorded with the decision: what the case did is what was decided.
        var (outcome, routedBy) = chosen.Resolve(current.Data, template.Fields);
        var decision = new CaseDecision(stage.Key, current.CurrentStage.Visit, chosen.Key, outcome, rationaleText, now, actor);
        var data = new Dictionary<string, string>
        {
            ["question"] = stage.Decision.Question,
            ["option"] = chosen.Key,
            ["label"] = chosen.Label,
            ["outcome"] = outcome,
        };
        if (routedBy is not null)
        {
            data["routedBy"] = routedBy.Describe(template.Fields);
        }

        if (rationaleText is not null)
        {
            data["rationale"] = rationaleText;
        }

        return new TimelineWriter(current, now)
            .Update(c => c with { Decisions = [.. c.Decisions, decision] })
            .Append(TimelineEntryTypes.DecisionRecorded, actor, data)
            .ToChange();
    }
}
