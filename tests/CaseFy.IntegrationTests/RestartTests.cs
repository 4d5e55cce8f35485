using CaseFy.Model.Cases;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>Cases survive the host: a new host on the same storage and task hub continues them from where they were.</summary>
public sealed class RestartTests
{
    private static readonly string[] Stages = ["intake", "review", "decide"];

    [Fact]
    public async Task Case_HostRestartedMidCase_ContinuesFromItsStageWithoutGapOrDuplicate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await TestStorage.StartAsync(ct);
        var hub = TestHost.NewTaskHub();
        string caseId;
        await using (var firstHost = await TestHost.StartAsync(storage.ConnectionString, hub, ct))
        {
            var template = await firstHost.Api.CreateTemplateAsync(Stages);
            caseId = (await firstHost.Api.OpenCaseAsync(template.Id, "Survives a restart")).Id;
            await firstHost.Api.WaitForStageEnteredAsync(caseId, "intake");
            (await firstHost.Api.AdvanceAsync(caseId, "first host")).Dispose();
            await firstHost.Api.WaitForStageEnteredAsync(caseId, "review");
        }

        await using var secondHost = await TestHost.StartAsync(storage.ConnectionString, hub, ct);
        var resumed = await secondHost.Api.GetCaseAsync(caseId);
        var closed = await CaseDriver.DriveToClosureAsync(secondHost.Api, caseId, Stages, fromStage: 1);

        Assert.Equal("review", resumed.CurrentStage.Key);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        ExpectedTimeline.AssertExactly(await secondHost.Api.GetTimelineAsync(caseId), ExpectedTimeline.ForClosedCase(Stages));
    }
}
