using System.Net;
using CaseFy.Orchestration;
using CaseFy.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseFy.IntegrationTests;

/// <summary>
/// The handler webhook deliveries go through, against real loopback listeners: every address is checked when the
/// connection is opened (a name re-resolving inside is refused), plain http and loopback only in Development and only
/// to a loopback literal, no redirects.
/// </summary>
public sealed class WebhookConnectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient Client(bool development, IWebhookHostResolver? resolver = null)
    {
        var connector = new WebhookConnector(
            resolver ?? new DnsWebhookHostResolver(),
            Options.Create(new WebhookOptions { AllowLoopback = development }),
            NullLogger<WebhookConnector>.Instance);
        return new HttpClient(connector.CreateHandler()) { Timeout = TimeSpan.FromSeconds(5) };
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::1")]
    public async Task Send_NameRebindingToLoopback_IsRefusedBeforeAnyConnection(string address)
    {
        using var listener = new ConnectionCounter();
        var resolver = new ScriptedResolver();
        var host = $"h{Guid.NewGuid():N}.rebind.test";
        resolver.Answer(host, IPAddress.Parse(address));
        using var client = Client(development: true, resolver);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.PostAsync(new Uri($"https://{host}:{listener.Port}/hook"), null, Ct));

        Assert.IsType<IOException>(failure.InnerException);
        Assert.Equal(0, listener.Accepted);
        Assert.Contains(host, resolver.Lookups);
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.0.1")]
    [InlineData("fd00::1")]
    public async Task Send_NameResolvingToAnInternalAddress_IsRefusedWithoutTryingIt(string address)
    {
        var resolver = new ScriptedResolver();
        var host = $"h{Guid.NewGuid():N}.rebind.test";
        resolver.Answer(host, IPAddress.Parse(address));
        using var client = Client(development: true, resolver);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri($"https://{host}/hook"), null, Ct));

        // The connector's own refusal, not a socket error or a timeout from trying the address.
        Assert.IsType<IOException>(failure.InnerException);
    }

    [Fact]
    public async Task Send_LocalhostByName_IsRefusedEvenInDevelopment()
    {
        using var listener = new ConnectionCounter();
        using var client = Client(development: true);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri($"https://localhost:{listener.Port}/hook"), null, Ct));

        Assert.Equal(0, listener.Accepted);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK, 1)]
    [InlineData(false, null, 0)]
    public async Task Send_PlainHttpToLoopbackLiteral_IsDeliveredOnlyInDevelopment(bool development, HttpStatusCode? expected, int received)
    {
        using var receiver = new WebhookReceiver();
        using var client = Client(development);

        HttpStatusCode? status;
        try
        {
            using var response = await client.PostAsync(receiver.Url, null, Ct);
            status = response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = null;
        }

        Assert.Equal((expected, received), (status, receiver.Requests.Count));
    }

    [Fact]
    public async Task Send_ReceiverRedirects_IsNotFollowed()
    {
        using var target = new WebhookReceiver();
        using var redirecting = new WebhookReceiver(redirectTo: target.Url);
        using var client = Client(development: true);

        using var response = await client.PostAsync(redirecting.Url, null, Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Single(redirecting.Requests);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public void CreateHandler_UsesNoProxy()
    {
        using var handler = new WebhookConnector(
            new DnsWebhookHostResolver(), Options.Create(new WebhookOptions()), NullLogger<WebhookConnector>.Instance).CreateHandler();

        // A proxy would be connected to instead of the target, past the address check.
        Assert.False(handler.UseProxy);
    }
}
