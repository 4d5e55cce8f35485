using CaseFy.Model.Cases;

namespace CaseFy.Orchestration;

/// <summary>What the orchestrator needs to know of a case to decide its next step, read from storage by an activity.</summary>
/// <param name="Status">Open or closed.</param>
/// <param name="StageIndex">The current stage.</param>
/// <param name="AdvanceRequested">Someone asked to leave the current stage and it has not happened yet.</param>
public sealed record CaseProgress(CaseStatus Status, int StageIndex, bool AdvanceRequested)
{
    public static CaseProgress Of(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.Status,
            record.CurrentStage.Index,
            record.PendingAdvance?.StageIndex == record.CurrentStage.Index);
    }
}
