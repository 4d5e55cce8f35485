namespace CaseFy.LocalHost.Portal;

/// <summary>
/// The portal's CSP as the local host serves it: the deployed one (<c>staticwebapp.config.json</c>) with a
/// <c>connect-src</c> that names this run's own API and Blob endpoint. Sources in the deployed file that are not one
/// fixed https origin (a wildcard such as <c>https://*.blob.core.windows.net</c>, a deploy-time placeholder) are
/// dropped: each would let an injected script send data to hosts this deployment does not own. The same shape as
/// the deployed policy, which azd's predeploy hook narrows (eng/write-portal-config.mjs).
/// </summary>
public static class PortalContentSecurityPolicy
{
    private const string Directive = "connect-src";

    private static readonly string[] Self = ["'self'"];

    /// <summary><paramref name="policy"/> whose pages may fetch only from themselves, the fixed origins it names and <paramref name="origins"/>.</summary>
    public static string ConnectingTo(string policy, IEnumerable<string> origins)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(origins);
        var directives = policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var index = directives.FindIndex(d => d.StartsWith(Directive + " ", StringComparison.Ordinal) || d == Directive);
        var kept = index < 0 ? [] : directives[index].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(IsFixedSource);
        var sources = string.Join(' ', Self.Concat(kept).Concat(origins).Distinct(StringComparer.Ordinal));
        if (index < 0)
        {
            directives.Add($"{Directive} {sources}");
        }
        else
        {
            directives[index] = $"{Directive} {sources}";
        }

        return string.Join("; ", directives);
    }

    private static bool IsFixedSource(string source) =>
        source == "'self'"
        || (!source.Contains('*', StringComparison.Ordinal)
            && Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            && uri.AbsolutePath == "/" && source.TrimEnd('/') == uri.GetLeftPart(UriPartial.Authority));
}
