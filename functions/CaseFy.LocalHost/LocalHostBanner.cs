using CaseFy.Application.Mail;
using CaseFy.LocalHost.Engine;
using CaseFy.LocalHost.Portal;
using CaseFy.LocalHost.Storage;
using Microsoft.Extensions.Options;

namespace CaseFy.LocalHost;

/// <summary>Tells the person who started the host where everything is.</summary>
internal static class LocalHostBanner
{
    public static void Print(WebApplication app, EmbeddedAzurite? azurite)
    {
        var site = app.Services.GetRequiredService<PortalSite>();
        var url = site.ApiOrigin;
        var hub = app.Services.GetRequiredService<IOptions<LocalEngineOptions>>().Value.TaskHub;
        var storage = azurite is null
            ? "the configured storage account"
            : $"embedded Azurite (blob {azurite.BlobPort}, queue {azurite.QueuePort}, table {azurite.TablePort}), data in {azurite.DataDirectory}";
        var mail = app.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        var mailTo = !string.IsNullOrWhiteSpace(mail.AcsEndpoint) ? $"Azure Communication Services Email at {mail.AcsEndpoint}"
            : mail.PickupFolder is { Length: > 0 } folder ? $".eml files in {Path.GetFullPath(folder)}"
            : "off";
        Console.WriteLine($"""

            CaseFy is running.
              Portal:  {LocalOrigins.Origin(site.Address)}/
              API:     {url}/api  (health: {url}/api/health)
              Engine:  Durable Task on Azure Storage, task hub '{hub}'
              Storage: {storage}
              Mail:    {mailTo}
            Press Ctrl+C to stop.

            """);
    }
}
