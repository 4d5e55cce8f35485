namespace CaseFy.Application.Access;

/// <summary>What the portal needs to sign people in, served anonymously by <c>GET /api/config</c>.</summary>
public sealed class SignInOptions
{
    /// <summary>The local host's offline development issuer is on: sign in with <c>POST /api/dev/token</c>.</summary>
    public bool DevIssuer { get; set; }

    /// <summary>The Entra ID authority (<c>{Instance}{TenantId}</c>), when an app registration is configured.</summary>
    public string? Authority { get; set; }

    /// <summary>The app registration's client id (the portal signs in with the same registration).</summary>
    public string? ClientId { get; set; }

    /// <summary>The scopes the portal asks for (<c>{Audience}/access_as_user</c>).</summary>
    public IReadOnlyList<string> Scopes { get; set; } = [];
}
