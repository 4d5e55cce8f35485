using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace CaseFy.LocalHost.Identity;

/// <summary>
/// An authorization request to the development OpenID provider (the query of <c>GET authorize</c>, or the hidden
/// fields the "sign in as" page posts back), checked the way RFC 6749 §4.1.2.1 orders it: an unknown client or a
/// redirect URI outside the portal's origin is shown to the person and never redirected to; every other fault is
/// sent back to the (now trusted) redirect URI as an OAuth error.
/// </summary>
public sealed partial record DevAuthorizeRequest(
    string ClientId, string RedirectUri, string ResponseType, string Scope, string? State, string? Nonce, string CodeChallenge, string CodeChallengeMethod)
{
    public const int MaxParameterLength = 2000;

    /// <summary>The names of the parameters, as the page posts them back.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } =
        ["client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge", "code_challenge_method", "response_mode"];

    /// <summary>The parameters as sent, for the page's hidden fields.</summary>
    public IEnumerable<KeyValuePair<string, string>> Parameters()
    {
        yield return new("client_id", ClientId);
        yield return new("redirect_uri", RedirectUri);
        yield return new("response_type", ResponseType);
        yield return new("scope", Scope);
        yield return new("code_challenge", CodeChallenge);
        yield return new("code_challenge_method", CodeChallengeMethod);
        if (State is not null)
        {
            yield return new("state", State);
        }

        if (Nonce is not null)
        {
            yield return new("nonce", Nonce);
        }
    }

    /// <summary>
    /// Reads and checks the request. <paramref name="allowedOrigins"/> are where the portal runs (the host itself, and
    /// the configured portal origin). Returns the request, or the fault and whether it may be redirected.
    /// </summary>
    public static DevAuthorizeResult Read(Func<string, string?> parameter, IReadOnlyCollection<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        if (ParameterNames.Any(name => parameter(name)?.Length > MaxParameterLength))
        {
            return DevAuthorizeResult.Refuse("A parameter of the sign-in request is too long.");
        }

        var clientId = parameter("client_id");
        if (clientId != DevIssuer.ClientId)
        {
            return DevAuthorizeResult.Refuse($"Unknown client '{clientId}': the local development issuer signs in only '{DevIssuer.ClientId}'.");
        }

        var redirectUri = parameter("redirect_uri");
        if (!IsPortalAddress(redirectUri, allowedOrigins))
        {
            return DevAuthorizeResult.Refuse("The redirect address is not the portal's: the local development issuer sends codes only back to where the portal runs.");
        }

        var state = parameter("state");
        string? fault = null;
        if (parameter("response_type") != "code")
        {
            return DevAuthorizeResult.Redirect(redirectUri!, state, "unsupported_response_type", "Only the authorization code flow (response_type=code) is supported.");
        }

        if (parameter("response_mode") is { } mode && mode != "query")
        {
            fault = "Only response_mode=query is supported.";
        }
        else if (parameter("code_challenge_method") != "S256" || !CodeChallengeFormat().IsMatch(parameter("code_challenge") ?? string.Empty))
        {
            fault = "PKCE is required: send code_challenge (S256 of the code verifier, base64url) and code_challenge_method=S256.";
        }
        else if (!(parameter("scope") ?? string.Empty).Split(' ').Contains("openid", StringComparer.Ordinal))
        {
            return DevAuthorizeResult.Redirect(redirectUri!, state, "invalid_scope", "The scope must include openid.");
        }

        return fault is not null
            ? DevAuthorizeResult.Redirect(redirectUri!, state, "invalid_request", fault)
            : DevAuthorizeResult.Valid(new DevAuthorizeRequest(
                clientId, redirectUri!, "code", parameter("scope")!, state, parameter("nonce"), parameter("code_challenge")!, "S256"));
    }

    /// <summary>Where the browser goes back to with <paramref name="values"/> added to the redirect URI's query.</summary>
    public static string RedirectWith(string redirectUri, IEnumerable<KeyValuePair<string, string?>> values) =>
        QueryHelpers.AddQueryString(redirectUri, values);

    /// <summary>An absolute http(s) URI on one of the portal's origins, without a fragment or user info (RFC 6749 §3.1.2).</summary>
    public static bool IsPortalAddress(string? address, IReadOnlyCollection<string> allowedOrigins) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && string.IsNullOrEmpty(uri.Fragment)
        && string.IsNullOrEmpty(uri.UserInfo)
        && allowedOrigins.Contains(uri.GetLeftPart(UriPartial.Authority), StringComparer.OrdinalIgnoreCase);

    // 43 base64url characters: a SHA-256 hash (RFC 7636 §4.2).
    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex CodeChallengeFormat();
}
