using System.Net;
using System.Text;
using CaseFy.Testing;
using WebhookSecret = CaseFy.Application.Events.InboundSecret;

namespace CaseFy.IntegrationTests;

/// <summary>One Azurite, one topic stub and one local host publishing to it, shared by the events tests.</summary>
public sealed class EventsFixture : IAsyncLifetime
{
    private TestHost? _host;

    public TestStorage Storage { get; private set; } = null!;

    public EventGridTopicStub Topic { get; private set; } = null!;

    public const string InboundSecret = "inbound-secret-for-tests";

    public const string WebhookRoute = "/api/events/eventgrid";

    public CaseFyClient Api => _host!.Api;

    /// <summary>The host itself (its services, more signed-in clients).</summary>
    public TestHost Host => _host!;

    /// <summary>
    /// Posts <paramref name="body"/> to the Event Grid webhook the way Event Grid does: the secret in the delivery
    /// header (<paramref name="secret"/> <see langword="null"/>: no header), nothing in the URL.
    /// </summary>
    public async Task<HttpResponseMessage> DeliverAsync(string body, string? secret = InboundSecret, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WebhookRoute, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (secret is not null)
        {
            request.Headers.Add(WebhookSecret.HeaderName, secret);
        }

        return await Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Delivers a <c>BlobCreated</c> event for <paramref name="blobUrl"/> twice (Event Grid delivers at least once); both answered 200.</summary>
    public async Task DeliverBlobCreatedTwiceAsync(string blobUrl)
    {
        for (var i = 0; i < 2; i++)
        {
            using var response = await DeliverAsync("[" + EventGridSchema.BlobCreated(blobUrl) + "]");
            await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
        }
    }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Storage = await TestStorage.StartAsync(ct);
        Topic = await EventGridTopicStub.StartAsync(ct);
        _host = await TestHost.StartAsync(
            Storage.ConnectionString, TestHost.NewTaskHub(), ct, [.. Topic.HostSettings, $"--Events:InboundSecret={InboundSecret}"]);
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
