using System.Net;

namespace CaseFy.LocalHost.Identity;

/// <summary>
/// Decides whether the development issuer is on (<c>DevIssuer:Enabled</c>, default: on in Development) and refuses to
/// start when it is on outside Development or on any address other than loopback: anyone who can reach it can
/// mint an admin token.
/// </summary>
public static class DevIssuerGuard
{
    public const string EnabledKey = "DevIssuer:Enabled";

    /// <summary>Whether the issuer is on.</summary>
    /// <exception cref="InvalidOperationException">It is on, but the environment or a listen address is unsafe.</exception>
    public static bool Resolve(IHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        var enabled = configuration[EnabledKey] is { Length: > 0 } value
            ? bool.Parse(value)
            : environment.IsDevelopment();
        if (!enabled)
        {
            return false;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"The development token issuer is enabled ({EnabledKey}) but the environment is '{environment.EnvironmentName}': "
                + "it may only run in Development. Configure Entra ID (AzureAd) instead.");
        }

        var unsafeAddresses = ListenAddresses(configuration).Where(a => !IsLoopback(a)).ToList();
        if (unsafeAddresses.Count > 0)
        {
            throw new InvalidOperationException(
                "The development token issuer may only listen on loopback (127.0.0.1, [::1], localhost), but the host is "
                + $"configured for: {string.Join(", ", unsafeAddresses)}. Set {EnabledKey}=false or listen on loopback.");
        }

        return true;
    }

    /// <summary>Whether a bound address (as the server reports it) is loopback.</summary>
    public static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal)
                .Replace("://+", "://wildcard.invalid", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    // Every way ASP.NET Core takes listen addresses: --urls/ASPNETCORE_URLS, HTTP(S)_PORTS (all interfaces), Kestrel
    // endpoints; and the portal's own (--portal-url), where the issuer's redirect goes.
    private static IEnumerable<string> ListenAddresses(IConfiguration configuration)
    {
        if (configuration[LocalOrigins.PortalUrlKey] is { Length: > 0 } portal)
        {
            yield return portal;
        }

        foreach (var url in (configuration[WebHostDefaults.ServerUrlsKey] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return url;
        }

        foreach (var key in new[] { "HTTP_PORTS", "HTTPS_PORTS" })
        {
            foreach (var port in (configuration[key] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return $"http://*:{port.Trim()}";
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            yield return endpoint["Url"] ?? $"(Kestrel endpoint {endpoint.Key} without a Url)";
        }
    }
}
