namespace CaseFy.LocalHost.Identity;

/// <summary>The body of <c>POST /api/dev/token</c>: who to be, with which app roles, and optionally which mail address (claim <c>email</c>).</summary>
public sealed record DevTokenRequest(string? Name, IReadOnlyList<string>? Roles, string? Email = null);
