using System.Text.RegularExpressions;

namespace CaseFy.Telemetry;

/// <summary>
/// Takes capabilities and secrets out of text bound for telemetry (URLs, paths, log messages): the portal link
/// token in <c>/portal/{token}</c>, the values of query parameters that carry a secret (a SAS <c>sig</c>, a
/// <c>token</c>, an authorization <c>code</c>, a <c>secret</c>), bearer tokens and JSON web tokens.
/// </summary>
public static partial class TelemetryRedaction
{
    /// <summary>What replaces a redacted query value or token.</summary>
    public const string Redacted = "REDACTED";

    /// <summary>What replaces a portal link token in a path (the route's own parameter name).</summary>
    public const string PortalTokenPlaceholder = "{token}";

    /// <summary>The text with every secret replaced; the same instance when there was nothing to redact.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayCarrySecret(text))
        {
            return text;
        }

        var redacted = PortalToken().Replace(text, PortalTokenPlaceholder);
        redacted = SecretQueryValue().Replace(redacted, "${name}" + Redacted);
        redacted = BearerToken().Replace(redacted, "Bearer " + Redacted);
        return JsonWebToken().Replace(redacted, Redacted);
    }

    // A cheap screen first: most tag values and log messages carry none of these, and a regex pass costs more.
    private static bool MayCarrySecret(string text) =>
        text.Contains("portal/", StringComparison.OrdinalIgnoreCase)
        || text.Contains('=', StringComparison.Ordinal)
        || text.Contains("Bearer", StringComparison.OrdinalIgnoreCase)
        || text.Contains("eyJ", StringComparison.Ordinal);

    // The segment after "portal/" in an API path ("/api/portal/{token}/documents/..."), already a placeholder or not.
    [GeneratedRegex(@"(?<=\bportal/)(?!\{token\})[^/?#\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PortalToken();

    [GeneratedRegex(
        @"(?<name>(?:^|[?&;\s])(?:sig|token|access_token|id_token|refresh_token|code|secret|client_secret|password)=)[^&#\s""'<>]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex SecretQueryValue();

    [GeneratedRegex(@"\bBearer\s+[A-Za-z0-9\-_.~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*", RegexOptions.CultureInvariant)]
    private static partial Regex JsonWebToken();
}
