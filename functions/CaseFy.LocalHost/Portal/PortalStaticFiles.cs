using System.Text.Json;
using CaseFy.Application.Http;
using CaseFy.Model.Ports;

namespace CaseFy.LocalHost.Portal;

/// <summary>
/// Serves the built portal (<c>artifacts/portal/</c>, built from <c>portal-static/</c>) the way Azure Static Web Apps
/// does: the security headers of <c>staticwebapp.config.json</c> (its <c>globalHeaders</c>, CSP included) on every file. Locally and in the
/// browser tests the pages then run under the same Content-Security-Policy as deployed, so an inline script or
/// style attribute breaks them here too, not only in Azure. Its <c>connect-src</c> gains this host's Blob endpoint
/// (Azurite), which the external page PUTs direct uploads to (deployed, the predeploy hook eng/write-portal-config.mjs
/// adds that deployment's Blob endpoint and API origin instead).
/// </summary>
public static class PortalStaticFiles
{
    public const string ConfigFileName = "staticwebapp.config.json";

    public static WebApplication UsePortalStaticFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var uploads = app.Services.GetRequiredService<IDocumentStore>().ServiceOrigin;
        var headers = ReadGlobalHeaders(Path.Combine(app.Environment.WebRootPath, ConfigFileName))
            .Select(h => h.Name == "Content-Security-Policy" ? (h.Name, SecurityHeaders.AllowingUploadsTo(h.Value, uploads)) : h)
            .ToList();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                foreach (var (name, value) in headers)
                {
                    context.Context.Response.Headers[name] = value;
                }

                if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    context.Context.Response.Headers.CacheControl = "no-cache";
                }
            },
        });
        return app;
    }

    /// <summary>The <c>globalHeaders</c> object of the Static Web Apps configuration; none when the file is absent.</summary>
    public static IReadOnlyList<(string Name, string Value)> ReadGlobalHeaders(string configPath)
    {
        if (!File.Exists(configPath))
        {
            return [];
        }

        using var document = JsonDocument.Parse(File.ReadAllText(configPath));
        if (!document.RootElement.TryGetProperty("globalHeaders", out var globalHeaders))
        {
            return [];
        }

        return [.. globalHeaders.EnumerateObject()
            .Where(h => !h.NameEquals("Strict-Transport-Security"))
            .Select(h => (h.Name, h.Value.GetString() ?? string.Empty))];
    }
}
