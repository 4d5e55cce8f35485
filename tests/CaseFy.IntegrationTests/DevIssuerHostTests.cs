using System.Net;
using CaseFy.Testing;

namespace CaseFy.IntegrationTests;

/// <summary>
/// With the development issuer on, the host answers only requests addressed to loopback by name (issue 15, finding 3):
/// a page on <c>http://evil.example:port</c> whose name re-resolves to 127.0.0.1 (DNS rebinding) reaches the socket,
/// but its requests carry its own Host and are refused on every route, so it can never mint a token.
/// </summary>
public sealed class DevIssuerHostTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly string[] Routes =
        ["POST /api/dev/token", "GET /api/health", "GET /dev-issuer/.well-known/openid-configuration", "GET /api/cases", "GET /api/openapi.json"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.evil.example")]
    [InlineData("10.0.0.5")]
    public async Task AnyRoute_HostNotLoopbackByName_Is400Problem(string name)
    {
        foreach (var route in Routes)
        {
            using var response = await SendAsync(route, $"{name}:{host.Host.Address.Port}");

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route} with Host {name}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("[::1]")]
    public async Task DevToken_HostLoopbackByName_IsServed(string name)
    {
        using var response = await SendAsync("POST /api/dev/token", $"{name}:{host.Host.Address.Port}");

        await CaseFyClient.ExpectAsync(response, HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> SendAsync(string route, string hostHeader)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(route[..space]), new Uri(route[(space + 1)..], UriKind.Relative));
        request.Headers.Host = hostHeader;
        if (request.Method == HttpMethod.Post)
        {
            request.Content = new StringContent("""{"name":"Rebinder","roles":["CaseFy.Admin"]}""", System.Text.Encoding.UTF8, "application/json");
        }

        return await host.Host.Anonymous().Http.SendAsync(request, Ct);
    }
}
