namespace CaseFy.Application.Access;

/// <summary>What the portal reads at start-up from <c>GET /api/config</c>.</summary>
/// <param name="SignIn">How to sign in.</param>
public sealed record ClientConfig(SignInConfig SignIn);
