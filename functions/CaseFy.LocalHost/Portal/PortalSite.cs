using CaseFy.Model.Ports;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CaseFy.LocalHost.Portal;

/// <summary>
/// The portal's own web server on its own origin, started and stopped with the local host: what Azure Static Web
/// Apps is when deployed. It serves the built portal and its <c>config.json</c> naming the API, and nothing of the
/// API; the API (the host's own server) serves no portal file. So the browser crosses origins locally exactly as in
/// Azure: CORS preflights, the CSP's <c>connect-src</c>, absolute API URLs.
/// </summary>
public sealed class PortalSite(Uri address, string webRoot, IServer api, IDocumentStore documents) : IHostedService, IAsyncDisposable
{
    private WebApplication? _site;

    /// <summary>The portal's address (its origin).</summary>
    public Uri Address { get; } = address;

    /// <summary>
    /// The API's origin, as its server listens (known once it has started: tests give it port 0).
    /// </summary>
    public string ApiOrigin =>
        api.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } listening
            ? LocalOrigins.Origin(new Uri(listening.Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal)))
            : throw new InvalidOperationException("The API is not listening yet.");

    /// <summary>Where the portal listens once started (its port is chosen at start when configured as 0).</summary>
    public Uri? ListeningAddress => _site?.Urls.FirstOrDefault() is { } url ? new Uri(url) : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { WebRootPath = webRoot, ContentRootPath = webRoot });
        builder.WebHost.UseUrls(LocalOrigins.Origin(Address));
        // The host's own logging says what matters; a static file server has nothing to add.
        builder.Logging.ClearProviders();
        var site = builder.Build();
        site.UsePortalStaticFiles(() => ApiOrigin, documents.ServiceOrigin);
        await site.StartAsync(cancellationToken);
        _site = site;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_site is not null)
        {
            await _site.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
            _site = null;
        }
    }
}
