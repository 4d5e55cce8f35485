namespace CaseFy.LocalHost;

/// <summary>
/// Where a local run listens. The API and the portal get two origins, as in Azure (the Functions app and the Static
/// Web App), so CORS, the portal's CSP and its <c>config.json</c> work locally exactly as deployed. The API keeps
/// 7071, the Azure Functions tooling's default port, and <c>--urls</c> (what scripts and tests pass) keeps naming it;
/// the portal takes the next port, 7072, or <c>--portal-url</c>.
/// </summary>
public static class LocalOrigins
{
    public const string DefaultApiUrl = "http://127.0.0.1:7071";

    public const string DefaultPortalUrl = "http://127.0.0.1:7072";

    public const string PortalUrlSwitch = "--portal-url";

    public const string PortalUrlKey = "LocalHost:PortalUrl";

    /// <summary>
    /// The portal's address: <c>--portal-url</c>, or 7072; with port 0 (or when the API itself asks for any port,
    /// as tests do) a free loopback port, chosen now, so the API's allowed origin and its portal links name it.
    /// </summary>
    public static Uri Portal(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[PortalUrlKey] is { Length: > 0 } url ? url
            : ApiTakesAnyPort(configuration) ? "http://127.0.0.1:0"
            : DefaultPortalUrl;
        if (!Uri.TryCreate(configured.TrimEnd('/'), UriKind.Absolute, out var portal) || portal.Scheme != Uri.UriSchemeHttp || portal.AbsolutePath != "/")
        {
            throw new InvalidOperationException($"{PortalUrlSwitch} must be an http origin such as {DefaultPortalUrl}, not '{configured}'.");
        }

        return portal.Port == 0 ? new UriBuilder(portal) { Port = LoopbackPort.Free() }.Uri : portal;
    }

    /// <summary>An origin as browsers send it: scheme, host and port, no trailing slash.</summary>
    public static string Origin(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.GetLeftPart(UriPartial.Authority);
    }

    private static bool ApiTakesAnyPort(IConfiguration configuration) =>
        (configuration[WebHostDefaults.ServerUrlsKey] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port == 0);
}
