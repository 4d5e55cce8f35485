using System.Collections.Concurrent;
using Azure.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CaseFy.Testing;

/// <summary>
/// Stands in for an Event Grid topic on loopback: the real <c>EventGridPublisherClient</c> posts to it. It records
/// the CloudEvents of every request it accepts, and on demand fails requests (500/503) or answers slowly.
/// </summary>
public sealed class EventGridTopicStub : IAsyncDisposable
{
    public const string Key = "test-topic-key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly List<CloudEvent> _accepted = [];
    private readonly Lock _gate = new();
    private int _rejected;

    private EventGridTopicStub(WebApplication app) => _app = app;

    /// <summary>The topic endpoint to configure as <c>Events:TopicEndpoint</c>.</summary>
    public Uri Endpoint => new(new Uri(_app.Urls.First()), "/api/events");

    /// <summary>Host settings that point a host at this topic with quick polling and retries.</summary>
    public IReadOnlyList<string> HostSettings =>
    [
        $"--Events:TopicEndpoint={Endpoint}",
        $"--Events:TopicKey={Key}",
        "--Events:PollInterval=00:00:00.050",
        "--Events:RetryBaseDelay=00:00:00.100",
        "--Events:RetryMaxDelay=00:00:01",
        "--Storage:EventFeedSettle=00:00:00.200",
    ];

    /// <summary>How long each request takes before it is answered.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Requests answered with an error so far.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>The content types and keys of accepted requests (for the wire-format assertions).</summary>
    public ConcurrentBag<(string? ContentType, string? Key)> Requests { get; } = [];

    /// <summary>Every event of every accepted request, in the order the requests were accepted.</summary>
    public IReadOnlyList<CloudEvent> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    public static async Task<EventGridTopicStub> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var stub = new EventGridTopicStub(app);
        app.MapPost("/api/events", stub.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        return stub;
    }

    /// <summary>Answers the next requests with these status codes, one each, before accepting again.</summary>
    public void FailNext(params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds for the accepted events.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<CloudEvent>, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!condition(Accepted))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The topic did not receive {what}; it has {Accepted.Count} events.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        if (_failures.TryDequeue(out var status))
        {
            Interlocked.Increment(ref _rejected);
            return Results.StatusCode(status);
        }

        var body = await BinaryData.FromStreamAsync(request.Body);
        var events = CloudEvent.ParseMany(body);
        Requests.Add((request.ContentType, request.Headers["aeg-sas-key"].ToString()));
        lock (_gate)
        {
            _accepted.AddRange(events);
        }

        return Results.Ok();
    }
}
