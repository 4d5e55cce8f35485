namespace CaseFy.LocalHost.Identity;

/// <summary>
/// What checking an authorization request found: a <see cref="Request"/> to sign in for, a fault to show the person
/// (<see cref="Refusal"/>: the client or redirect URI cannot be trusted), or an OAuth error to send back to the
/// redirect URI (<see cref="ErrorRedirect"/>).
/// </summary>
public sealed record DevAuthorizeResult(DevAuthorizeRequest? Request, string? Refusal, string? ErrorRedirect)
{
    public static DevAuthorizeResult Valid(DevAuthorizeRequest request) => new(request, null, null);

    public static DevAuthorizeResult Refuse(string reason) => new(null, reason, null);

    public static DevAuthorizeResult Redirect(string redirectUri, string? state, string error, string description) =>
        new(null, null, DevAuthorizeRequest.RedirectWith(redirectUri, [new("error", error), new("error_description", description), new("state", state)]));
}
