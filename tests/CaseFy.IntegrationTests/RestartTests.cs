using System.Net;
using System.Net.Http.Headers;
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

    [Fact]
    public async Task DevIssuer_HostRestartedOnTheSameDataFolder_StillAcceptsItsTokens()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await TestStorage.StartAsync(ct);
        var hub = TestHost.NewTaskHub();
        var folder = Directory.CreateTempSubdirectory("casefy-data-");
        var other = Directory.CreateTempSubdirectory("casefy-data-");
        try
        {
            string token;
            await using (var first = await TestHost.StartAsync(storage.ConnectionString, hub, ct, $"--data-dir={folder.FullName}"))
            {
                token = await first.MintAsync("Rita Restart", "CaseFy.Admin");
            }

            await using (var again = await TestHost.StartAsync(storage.ConnectionString, hub, ct, $"--data-dir={folder.FullName}"))
            {
                Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(again, token));
            }

            await using (var elsewhere = await TestHost.StartAsync(storage.ConnectionString, hub, ct, $"--data-dir={other.FullName}"))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(elsewhere, token));
            }

            Assert.True(File.Exists(Path.Combine(folder.FullName, "dev-issuer-key.pem")));
        }
        finally
        {
            folder.Delete(recursive: true);
            other.Delete(recursive: true);
        }
    }

    private static async Task<HttpStatusCode> StatusWithAsync(TestHost host, string token)
    {
        var client = host.Anonymous();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.Http.GetAsync(new Uri("/api/templates", UriKind.Relative), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
