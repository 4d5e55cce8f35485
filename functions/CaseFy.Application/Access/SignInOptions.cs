namespace CaseFy.Application.Access;

/// <summary>What the portal needs to sign people in, served anonymously by <c>GET /api/config</c>.</summary>
public sealed class SignInOptions
{
    /// <summary>The local host's development issuer is the OpenID provider (<see cref="Authority"/> is then a path on the host).</summary>
    public bool DevIssuer { get; set; }

    /// <summary>The OpenID provider: Entra ID's <c>{Instance}{TenantId}/v2.0</c>, or the development issuer's path.</summary>
    public string? Authority { get; set; }

    /// <summary>The app registration's client id (the portal signs in with the same registration).</summary>
    public string? ClientId { get; set; }

    /// <summary>The scopes the portal asks for (<c>{Audience}/access_as_user</c>).</summary>
    public IReadOnlyList<string> Scopes { get; set; } = [];
}
