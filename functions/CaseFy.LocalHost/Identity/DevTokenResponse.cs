namespace CaseFy.LocalHost.Identity;

/// <summary>The answer of <c>POST /api/dev/token</c>: a bearer token for the local API.</summary>
public sealed record DevTokenResponse(string AccessToken);
