using System.Net;
using CaseFy.Model.Cases;

namespace CaseFy.Testing;

/// <summary>Drives a case through its stages the way a person would: wait until a stage is entered, then advance.</summary>
public static class CaseDriver
{
    public static async Task<CaseRecord> DriveToClosureAsync(CaseFyClient api, string caseId, IReadOnlyList<string> stageKeys, int fromStage = 0)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(stageKeys);
        for (var i = fromStage; i < stageKeys.Count; i++)
        {
            await api.WaitForStageEnteredAsync(caseId, stageKeys[i]);
            using var response = await api.AdvanceAsync(caseId, $"done with {stageKeys[i]}");
            await CaseFyClient.ExpectAsync(response, HttpStatusCode.Accepted);
        }

        return await api.WaitForAsync(caseId, c => c.Status == CaseStatus.Closed);
    }
}
