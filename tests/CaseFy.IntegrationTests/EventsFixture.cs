using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>One Azurite, one topic stub and one local host publishing to it, shared by the events tests.</summary>
public sealed class EventsFixture : IAsyncLifetime
{
    private TestHost? _host;

    public TestStorage Storage { get; private set; } = null!;

    public EventGridTopicStub Topic { get; private set; } = null!;

    public const string InboundSecret = "inbound-secret-for-tests";

    public CaseFyClient Api => _host!.Api;

    /// <summary>The host itself (its services, more signed-in clients).</summary>
    public TestHost Host => _host!;

    /// <summary>Settings that point a host at <paramref name="topic"/> with quick polling and retries.</summary>
    public static string[] PublishingTo(EventGridTopicStub topic) =>
    [
        $"--Events:TopicEndpoint={topic.Endpoint}",
        $"--Events:TopicKey={EventGridTopicStub.Key}",
        "--Events:PollInterval=00:00:00.050",
        "--Events:RetryBaseDelay=00:00:00.100",
        "--Events:RetryMaxDelay=00:00:01",
        "--Storage:EventFeedSettle=00:00:00.200",
    ];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Storage = await TestStorage.StartAsync(ct);
        Topic = await EventGridTopicStub.StartAsync(ct);
        _host = await TestHost.StartAsync(
            Storage.ConnectionString, TestHost.NewTaskHub(), ct, [.. PublishingTo(Topic), $"--Events:InboundSecret={InboundSecret}"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Topic.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
