using System.Text;
using System.Text.Encodings.Web;
using CaseFy.Application.Access;

namespace CaseFy.LocalHost.Identity;

/// <summary>
/// The development OpenID provider's "sign in as" page: a name, an optional mail address (claim <c>email</c>) and a role, posted back as a plain form (no script),
/// styled with the portal's stylesheet, which the issuer serves from its own origin like any sign-in page. Every value is HTML-encoded.
/// </summary>
public static class DevSignInPage
{
    public static readonly IReadOnlyList<(string Role, string Label, string Hint)> Roles =
    [
        (CaseFyRoles.Admin, "Admin", "Everything, including templates"),
        (CaseFyRoles.Member, "Member", "Open and work cases"),
        (CaseFyRoles.Viewer, "Viewer", "Read only"),
    ];

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The form for <paramref name="request"/>, with what was entered and what was wrong with it.</summary>
    public static string Render(
        DevAuthorizeRequest request, string formAction, string? name = null, string? role = null, string? error = null, string? email = null, string? emailError = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new StringBuilder();
        body.Append("<p class=\"hint\">Local development: sign in as anyone. This page is the local development issuer, ")
            .Append("standing in for Microsoft Entra ID; its tokens work only on this machine.</p>");
        body.Append($"<form method=\"post\" action=\"{Html.Encode(formAction)}\" novalidate>");
        foreach (var (key, value) in request.Parameters())
        {
            body.Append($"<input type=\"hidden\" name=\"{Html.Encode(key)}\" value=\"{Html.Encode(value)}\">");
        }

        var invalid = error is null ? string.Empty : " aria-invalid=\"true\"";
        body.Append("<div class=\"field\"><label for=\"name\">Your name</label>")
            .Append($"<input type=\"text\" id=\"name\" name=\"name\" autocomplete=\"name\" required maxlength=\"200\" autofocus aria-describedby=\"name-error\" value=\"{Html.Encode(name ?? string.Empty)}\"{invalid}>")
            .Append($"<p class=\"field-error\" id=\"name-error\"{(error is null ? " hidden" : string.Empty)}>{Html.Encode(error ?? string.Empty)}</p></div>");
        var emailInvalid = emailError is null ? string.Empty : " aria-invalid=\"true\"";
        body.Append("<div class=\"field\"><label for=\"email\">E-mail (optional)</label>")
            .Append($"<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" maxlength=\"254\" aria-describedby=\"email-error\" value=\"{Html.Encode(email ?? string.Empty)}\"{emailInvalid}>")
            .Append($"<p class=\"field-error\" id=\"email-error\"{(emailError is null ? " hidden" : string.Empty)}>{Html.Encode(emailError ?? string.Empty)}</p></div>");
        body.Append("<fieldset class=\"field\"><legend>Role</legend>");
        for (var i = 0; i < Roles.Count; i++)
        {
            var (value, label, hint) = Roles[i];
            var isChecked = value == role || (role is null && i == 0) ? " checked" : string.Empty;
            body.Append($"<div class=\"radio\"><input type=\"radio\" name=\"role\" value=\"{value}\" id=\"role-{i}\"{isChecked}>")
                .Append($"<label for=\"role-{i}\"><strong>{label}</strong><span class=\"hint\"> — {hint}</span></label></div>");
        }

        var cancel = DevAuthorizeRequest.RedirectWith(request.RedirectUri, [new("error", "access_denied"), new("state", request.State)]);
        body.Append("</fieldset><div class=\"actions\"><button type=\"submit\" class=\"button primary\">Sign in</button>")
            .Append($"<a class=\"button subtle\" href=\"{Html.Encode(cancel)}\">Cancel</a></div></form>");
        return Page(body.ToString());
    }

    /// <summary>The page for a request that cannot be sent back anywhere (unknown client, foreign redirect URI).</summary>
    public static string RenderRefusal(string reason) =>
        Page($"<p class=\"form-error\" role=\"alert\">This sign-in request cannot be completed. {Html.Encode(reason)}</p>");

    /// <summary>The page after signing out without a way back to the portal.</summary>
    public static string RenderSignedOut() =>
        Page("<p role=\"status\">You are signed out of the local development issuer. Close this tab, or go back to CaseFy and sign in again.</p>");

    private static string Page(string content) => $"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Sign in as · CaseFy development issuer</title>
          <link rel="icon" href="/dev-issuer/assets/favicon.svg" type="image/svg+xml">
          <link rel="stylesheet" href="/dev-issuer/assets/app.css">
        </head>
        <body>
          <header class="topbar"><span class="brand"><img src="/dev-issuer/assets/favicon.svg" alt="" width="28" height="28"><span>CaseFy</span></span></header>
          <main id="main"><div class="signin-page"><section class="signin card" aria-labelledby="signin-title">
          <h1 id="signin-title">Sign in as</h1>
          {content}
          </section></div></main>
        </body>
        </html>
        """;
}
