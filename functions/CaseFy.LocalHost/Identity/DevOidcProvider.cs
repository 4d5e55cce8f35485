using CaseFy.Application.Access;
using CaseFy.Application.Portal;
using CaseFy.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CaseFy.LocalHost.Identity;

/// <summary>
/// The development issuer as a minimal OpenID Connect provider under <c>/dev-issuer</c>, so the portal signs in
/// locally through the very code (oidc-client-ts, authorization code + PKCE) that signs in with Entra ID when
/// deployed: discovery, <c>authorize</c> (the "sign in as" page), <c>token</c> (the access token the API accepts
/// plus an ID token), <c>jwks</c> and <c>logout</c>. Mapped only when the issuer is on (Development, loopback);
/// the Functions app has none of it.
/// </summary>
public static class DevOidcProvider
{
    public const string Prefix = "dev-issuer";
    public const string DiscoveryRoute = ".well-known/openid-configuration";
    public const string AuthorizeRoute = "authorize";
    public const string TokenRoute = "token";
    public const string JwksRoute = "jwks";
    public const string LogoutRoute = "logout";

    public static IEndpointRouteBuilder MapDevOidcProvider(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Development").ExcludeFromDescription();
        group.MapGet(DiscoveryRoute, Discovery);
        group.MapGet(JwksRoute, (DevIssuer issuer) => TypedResults.Json(new DevJsonWebKeySet([issuer.PublicJwk()]), DevOidcJsonContext.Default.DevJsonWebKeySet));
        group.MapGet(AuthorizeRoute, ShowSignIn);
        group.MapPost(AuthorizeRoute, SignInAsync);
        group.MapPost(TokenRoute, RedeemCodeAsync);
        group.MapGet(LogoutRoute, Logout);
        // The portal's stylesheet and icon for the issuer's pages (the portal itself is on another origin).
        group.MapGet("assets/app.css", (IWebHostEnvironment environment) => TypedResults.PhysicalFile(Path.Combine(environment.WebRootPath, "styles", "app.css"), "text/css"));
        group.MapGet("assets/favicon.svg", (IWebHostEnvironment environment) => TypedResults.PhysicalFile(Path.Combine(environment.WebRootPath, "favicon.svg"), "image/svg+xml"));
        return app;
    }

    /// <summary>The provider's address as the browser reaches it: its issuer and the base of its endpoints.</summary>
    public static string IssuerUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}/{Prefix}";
    }

    public static IResult Discovery(HttpRequest request)
    {
        var issuer = IssuerUrl(request);
        return TypedResults.Json(
            new DevOidcMetadata(
                issuer, $"{issuer}/{AuthorizeRoute}", $"{issuer}/{TokenRoute}", $"{issuer}/{JwksRoute}", $"{issuer}/{LogoutRoute}",
                ["code"], ["query"], ["authorization_code"], ["public"], ["RS256"], ["S256"], ["none"],
                ["openid", "profile", $"{DevIssuer.Audience}/{AccessServiceCollectionExtensions.DefaultScope}"]),
            DevOidcJsonContext.Default.DevOidcMetadata);
    }

    public static IResult ShowSignIn(HttpRequest request, IOptions<PortalOptions> portal)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(portal);
        var checkedRequest = DevAuthorizeRequest.Read(name => request.Query[name].FirstOrDefault(), PortalOrigins(portal.Value));
        return checkedRequest switch
        {
            { Request: { } valid } => HtmlPage(request, portal.Value, DevSignInPage.Render(valid, request.Path), StatusCodes.Status200OK),
            { ErrorRedirect: { } redirect } => TypedResults.Redirect(redirect),
            _ => HtmlPage(request, portal.Value, DevSignInPage.RenderRefusal(checkedRequest.Refusal!), StatusCodes.Status400BadRequest),
        };
    }

    public static async Task<IResult> SignInAsync(HttpRequest request, IOptions<PortalOptions> portal, DevAuthorizationCodes codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(codes);
        if (!request.HasFormContentType)
        {
            return HtmlPage(request, portal.Value, DevSignInPage.RenderRefusal("The sign-in form was not posted as a form."), StatusCodes.Status400BadRequest);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var checkedRequest = DevAuthorizeRequest.Read(name => form[name].FirstOrDefault(), PortalOrigins(portal.Value));
        if (checkedRequest.Request is not { } valid)
        {
            return checkedRequest.ErrorRedirect is { } redirect
                ? TypedResults.Redirect(redirect)
                : HtmlPage(request, portal.Value, DevSignInPage.RenderRefusal(checkedRequest.Refusal!), StatusCodes.Status400BadRequest);
        }

        var name = form["name"].FirstOrDefault()?.Trim();
        var role = form["role"].FirstOrDefault();
        var email = form["email"].FirstOrDefault()?.Trim() is { Length: > 0 } given ? given : null;
        var errors = new ValidationErrors();
        TextRules.RequireText(errors, "name", name, TextRules.MaxNameLength);
        var emailError = email is null || EmailAddresses.IsValid(email) ? null : "Enter an e-mail address (name@example.com), or leave it empty.";
        if (!errors.IsEmpty || !CaseFyRoles.All.Contains(role, StringComparer.Ordinal) || emailError is not null)
        {
            var message = errors.IsEmpty ? (emailError is null ? "Choose a role." : null) : "Enter a name (up to 200 characters, no control characters).";
            return HtmlPage(request, portal.Value, DevSignInPage.Render(valid, request.Path, name, role, message, email, emailError), StatusCodes.Status400BadRequest);
        }

        var code = codes.Issue(new DevAuthorizationGrant(name!, [role!], valid, default, email));
        return TypedResults.Redirect(DevAuthorizeRequest.RedirectWith(valid.RedirectUri, [new("code", code), new("state", valid.State)]));
    }

    public static async Task<IResult> RedeemCodeAsync(HttpRequest request, DevAuthorizationCodes codes, DevIssuer issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(issuer);
        // RFC 6749 §5.1: token answers, and errors, are never cached.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!request.HasFormContentType)
        {
            return OAuthFault("invalid_request", "Post the token request as application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form["grant_type"].FirstOrDefault() != "authorization_code")
        {
            return OAuthFault("unsupported_grant_type", "Only grant_type=authorization_code is supported.");
        }

        if (form["client_id"].FirstOrDefault() != DevIssuer.ClientId)
        {
            return OAuthFault("invalid_client", $"Unknown client: the local development issuer serves only '{DevIssuer.ClientId}'.");
        }

        if (form["code"].FirstOrDefault() is not { Length: > 0 and <= DevAuthorizeRequest.MaxParameterLength } code)
        {
            return OAuthFault("invalid_request", "The code is missing.");
        }

        var (grant, fault) = codes.Redeem(code, form["client_id"], form["redirect_uri"], form["code_verifier"]);
        if (grant is null)
        {
            return OAuthFault("invalid_grant", fault!);
        }

        var tokens = new DevTokenSet(
            issuer.Mint(grant.Name, grant.Roles, grant.Email), "Bearer", (int)DevIssuer.Lifetime.TotalSeconds,
            issuer.MintIdToken(grant.Name, IssuerUrl(request), grant.Request.ClientId, grant.Request.Nonce), grant.Request.Scope);
        return TypedResults.Json(tokens, DevOidcJsonContext.Default.DevTokenSet);
    }

    /// <summary>End of session: the issuer keeps no session, so it only sends the browser back to the portal.</summary>
    public static IResult Logout(HttpRequest request, IOptions<PortalOptions> portal)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(portal);
        var back = request.Query["post_logout_redirect_uri"].FirstOrDefault();
        return DevAuthorizeRequest.IsPortalAddress(back, PortalOrigins(portal.Value))
            ? TypedResults.Redirect(DevAuthorizeRequest.RedirectWith(back!, [new("state", request.Query["state"].FirstOrDefault())]))
            : HtmlPage(request, portal.Value, DevSignInPage.RenderSignedOut(), StatusCodes.Status200OK);
    }

    // The portal's origin (Portal:Origin: the local host's portal site, unless configured otherwise), never the
    // API's own: the issuer sends codes only to where the portal runs.
    private static string[] PortalOrigins(PortalOptions portal) =>
        portal.Origin is { Length: > 0 } origin ? [origin.TrimEnd('/')] : [];

    private static JsonHttpResult<OAuthError> OAuthFault(string error, string description) =>
        TypedResults.Json(new OAuthError(error, description), DevOidcJsonContext.Default.OAuthError, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>
    /// The issuer's pages: no script, the stylesheet and icon from the issuer's own origin (read back by accessibility
    /// checkers too), and the form's redirect back to the portal's origin allowed (browsers check <c>form-action</c> on
    /// the redirect after a form post too).
    /// </summary>
    private static ContentHttpResult HtmlPage(HttpRequest request, PortalOptions portal, string html, int status)
    {
        request.HttpContext.Response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self' {string.Join(' ', PortalOrigins(portal))}; "
            + "frame-ancestors 'none'; base-uri 'none'";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
