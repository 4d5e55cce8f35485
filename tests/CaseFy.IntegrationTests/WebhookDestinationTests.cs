using System.Net;
using CaseFy.Model.Timeline;
using CaseFy.Orchestration;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// Webhook automations through the real host and engine: a name that re-resolves to this machine when CaseFy connects
/// reaches nothing, and the timeline says only delivered / refused by receiver / unreachable.
/// </summary>
public sealed class WebhookDestinationTests(WebhookDestinationFixture fixture) : IClassFixture<WebhookDestinationFixture>
{
    private async Task<TimelineEntry> RunWebhookAsync(string url)
    {
        var template = await fixture.Api.CreateTemplateFromJsonAsync($$"""
            {"name":"Hooked","stages":[{"key":"a","name":"A","onEnter":[{"type":"webhook","url":"{{url}}"}]}]}
            """);
        var opened = await fixture.Api.OpenCaseAsync(template.Id, "Hook");
        await fixture.Api.WaitForAsync(opened.Id, c => c.CurrentStage.AutomationsDone.Count == 1);
        var timeline = await fixture.Api.GetTimelineAsync(opened.Id);
        return timeline.Single(e => e.Type == TimelineEntryTypes.AutomationRan);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Webhook_NameRebindingToLoopbackAtConnectTime_ReachesNothingAndReadsUnreachable(string address)
    {
        using var listener = new ConnectionCounter();
        var host = $"h{Guid.NewGuid():N}.rebind.test";
        fixture.Resolver.Answer(host, IPAddress.Parse(address));

        var ran = await RunWebhookAsync($"https://{host}:{listener.Port}/hook");

        Assert.Equal((WebhookSender.Unreachable, "2"), (ran.Data["outcome"], ran.Data["attempts"]));
        Assert.Equal(0, listener.Accepted);
        Assert.Contains(host, fixture.Resolver.Lookups);
    }

    [Fact]
    public async Task Webhook_ReceiverAnswers500_ReadsRefusedByReceiverWithoutTheStatus()
    {
        using var receiver = new WebhookReceiver(failFirst: 99);

        var ran = await RunWebhookAsync(receiver.Url.ToString());

        Assert.Equal(WebhookSender.RefusedByReceiver, ran.Data["outcome"]);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.False(ran.Data.ContainsKey("status"));
    }

    [Fact]
    public async Task Webhook_ClosedPort_ReadsUnreachableWithoutTheReason()
    {
        using var closed = new ConnectionCounter();
        var port = closed.Port;
        closed.Dispose();

        var ran = await RunWebhookAsync($"http://127.0.0.1:{port}/hook");

        Assert.Equal(WebhookSender.Unreachable, ran.Data["outcome"]);
    }
}
