using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseFy.LocalHost.Portal;

/// <summary>
/// Serves the built portal (<c>artifacts/portal/</c>, built from <c>portal-static/</c>) the way Azure Static Web Apps
/// does: the security headers of <c>staticwebapp.config.json</c> (its <c>globalHeaders</c>, CSP included) on every file,
/// so locally and in the browser tests the pages run under the deployed Content-Security-Policy, its
/// <c>connect-src</c> naming this run's API and Blob endpoint (<see cref="PortalContentSecurityPolicy"/>). And
/// <c>/config.json</c>, which in Azure azd's predeploy hook writes: <c>{"apiBaseUrl": "…"}</c>, here this run's API.
/// </summary>
public static class PortalStaticFiles
{
    public const string ConfigFileName = "staticwebapp.config.json";

    /// <summary>The file the portal reads the API's address from.</summary>
    public const string PortalConfigPath = "/config.json";

    public static WebApplication UsePortalStaticFiles(this WebApplication site, Func<string> apiOrigin, Uri blobEndpoint)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(apiOrigin);
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        var deployed = ReadGlobalHeaders(Path.Combine(site.Environment.WebRootPath, ConfigFileName));
        // Built at the first request: the API's port is known once it listens.
        var headers = new Lazy<List<(string Name, string Value)>>(() => [.. deployed.Select(h => h.Name == "Content-Security-Policy"
            ? (h.Name, PortalContentSecurityPolicy.ConnectingTo(h.Value, [apiOrigin(), LocalOrigins.Origin(blobEndpoint)]))
            : h)]);
        site.Use((context, next) =>
        {
            foreach (var (name, value) in headers.Value)
            {
                context.Response.Headers[name] = value;
            }

            return next(context);
        });
        // An endpoint wins over a file of the same name (a config.json a deploy left in artifacts/portal names Azure).
        site.MapGet(PortalConfigPath, (HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-cache";
            return TypedResults.Text(new JsonObject { ["apiBaseUrl"] = apiOrigin() }.ToJsonString(), "application/json");
        });
        site.UseDefaultFiles();
        site.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    context.Context.Response.Headers.CacheControl = "no-cache";
                }
            },
        });
        return site;
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
