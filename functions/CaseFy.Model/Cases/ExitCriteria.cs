using CaseFy.Model.Templates;

namespace CaseFy.Model.Cases;

/// <summary>
/// A stage's exit criteria, from stored facts only: every document the stage requires is accepted, every required
/// task of this visit is complete, every field it requires (its own and the template's required ones) has a value, and
/// its decision (if any) is made in this visit. A decision that closes the case needs nothing else: rejecting a claim
/// does not wait for its paperwork.
/// </summary>
public static class ExitCriteria
{
    public static ExitCriteriaResult Evaluate(CaseRecord current, StageDefinition stage, IReadOnlyList<FieldDefinition>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(stage);
        var visit = current.CurrentStage.Visit;
        var missing = new List<string>();
        if (current.CurrentStage.EnteredAt is null)
        {
            // Entry creates the stage's tasks and requests its documents: until then nothing can be judged (and an
            // advance aimed at the stage just left cannot land on this one).
            return new(false, ["stage:entering"], StageRoute.Next);
        }

        var decision = DecisionOf(current);
        var route = decision is null ? StageRoute.Next : StageRoute.Parse(decision.Outcome);
        if (stage.Decision is not null && decision is null)
        {
            missing.Add("decision");
        }

        if (route.Kind != StageRouteKind.Close)
        {
            missing.AddRange(stage.Documents
                .Where(d => current.Documents.FirstOrDefault(x => x.Key == d.Key)?.Status != DocumentStatus.Accepted)
                .Select(d => $"document:{d.Key}"));
            missing.AddRange(current.Tasks
                .Where(t => t.Visit == visit && t.StageKey == stage.Key && t.Required && t.Status == CaseTaskStatus.Open)
                .Select(t => $"task:{t.Id}"));
            missing.AddRange(CaseData.RequiredFor(stage, fields ?? []).Where(k => !current.Data.ContainsKey(k)).Select(k => $"field:{k}"));
        }

        return new(missing.Count == 0, missing, route);
    }

    /// <summary>The decision made in the current visit of the current stage, if any.</summary>
    public static CaseDecision? DecisionOf(CaseRecord current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.Decisions.LastOrDefault(d => d.StageKey == current.CurrentStage.Key && d.Visit == current.CurrentStage.Visit);
    }
}
