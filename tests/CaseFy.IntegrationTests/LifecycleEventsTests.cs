using System.Text.Json;
using CaseFy.Model.Timeline;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// Lifecycle events through the real <c>EventGridPublisherClient</c> to a topic stub on loopback: every lifecycle
/// timeline entry arrives exactly once, in per-case order, whatever the topic does and across a host restart.
/// </summary>
[Collection(EventsTestGroup.Name)]
public sealed class LifecycleEventsTests(EventsFixture fixture)
{
    private static readonly string[] Stages = ["intake", "review"];

    [Fact]
    public async Task Publisher_TopicFailsThenRecovers_DeliversEachEntryExactlyOnceInCaseOrder()
    {
        var topic = fixture.Topic;
        var host = fixture;
        var rejectedBefore = topic.Rejected;
        topic.FailNext(503, 500, 503, 500, 503, 500, 503);
        var template = await host.Api.CreateTemplateAsync(Stages);

        var caseIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            caseIds.Add((await host.Api.OpenCaseAsync(template.Id, $"Events {i}")).Id);
        }

        await Task.WhenAll(caseIds.Select(id => CaseDriver.DriveToClosureAsync(host.Api, id, Stages)));
        var expected = await ExpectedEventsAsync(host.Api, caseIds);
        await topic.WaitUntilAsync(received => expected.All(e => received.Any(r => r.Id == e.Id)), "every entry of the cases");

        Assert.Equal(7, topic.Rejected - rejectedBefore);
        LifecycleEventAssert.ExactlyOnceInCaseOrder(topic.Accepted, expected);
        Assert.All(topic.Requests, r =>
        {
            Assert.StartsWith("application/cloudevents-batch+json", r.ContentType, StringComparison.Ordinal);
            Assert.Equal(EventGridTopicStub.Key, r.Key);
        });
    }

    [Fact]
    public async Task Publisher_HostRestartedMidStream_ResumesWithoutLossOrDuplicate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var topic = await EventGridTopicStub.StartAsync(ct);
        topic.Delay = TimeSpan.FromMilliseconds(150);
        var hub = TestHost.NewTaskHub();

        // Own tables on the shared Azurite, so only these hosts' publishers see these cases.
        string[] settings = [.. topic.HostSettings, $"--Storage:TablePrefix=R{Guid.NewGuid():N}"[..28]];
        var caseIds = new List<string>();
        await using (var firstHost = await TestHost.StartAsync(fixture.Storage.ConnectionString, hub, ct, settings))
        {
            var template = await firstHost.Api.CreateTemplateAsync(Stages);
            for (var i = 0; i < 4; i++)
            {
                caseIds.Add((await firstHost.Api.OpenCaseAsync(template.Id, $"Restart {i}")).Id);
            }

            await Task.WhenAll(caseIds.Select(id => firstHost.Api.WaitForStageEnteredAsync(id, "intake")));
            await topic.WaitUntilAsync(received => received.Count > 0, "a first event before the restart");
        }

        var acceptedBeforeRestart = topic.Accepted.Count;
        topic.Delay = TimeSpan.Zero;
        await using var secondHost = await TestHost.StartAsync(fixture.Storage.ConnectionString, hub, ct, settings);
        await Task.WhenAll(caseIds.Select(id => CaseDriver.DriveToClosureAsync(secondHost.Api, id, Stages)));
        var expected = await ExpectedEventsAsync(secondHost.Api, caseIds);
        await topic.WaitUntilAsync(received => expected.All(e => received.Any(r => r.Id == e.Id)), "every entry of the cases");

        Assert.InRange(acceptedBeforeRestart, 1, expected.Count - 1);
        LifecycleEventAssert.ExactlyOnceInCaseOrder(topic.Accepted, expected);
    }

    [Fact]
    public async Task Publisher_EntryPublished_HasTheDocumentedCloudEventShape()
    {
        var topic = fixture.Topic;
        var template = await fixture.Api.CreateTemplateAsync(Stages);
        var opened = await fixture.Api.OpenCaseAsync(template.Id, "Shape");

        await topic.WaitUntilAsync(received => received.Any(r => r.Id == $"{opened.Id}-2"), "the stage entry");
        var created = topic.Accepted.Single(r => r.Id == $"{opened.Id}-1");
        var entered = topic.Accepted.Single(r => r.Id == $"{opened.Id}-2");

        Assert.Equal("casefy.case.caseCreated", created.Type);
        Assert.Equal("casefy.case.stageEntered", entered.Type);
        Assert.Equal($"/casefy/cases/{opened.Id}", created.Source);
        Assert.Equal("intake", entered.Subject);
        Assert.Equal("application/json", created.DataContentType);
        using var data = JsonDocument.Parse(created.Data!.ToMemory());
        Assert.Equal(opened.Id, data.RootElement.GetProperty("caseId").GetString());
        Assert.Equal(1, data.RootElement.GetProperty("seq").GetInt64());
        Assert.Equal("CaseCreated", data.RootElement.GetProperty("entryType").GetString());
        Assert.Equal("Shape", data.RootElement.GetProperty("details").GetProperty("title").GetString());
    }

    private static async Task<List<TimelineEntry>> ExpectedEventsAsync(CaseFyClient api, IEnumerable<string> caseIds)
    {
        var expected = new List<TimelineEntry>();
        foreach (var id in caseIds)
        {
            expected.AddRange((await api.GetTimelineAsync(id)).Where(e => LifecycleEntryTypes.IsLifecycle(e.Type)));
        }

        return expected;
    }
}
