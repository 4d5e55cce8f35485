namespace CaseFy.Application.Intake;

/// <summary>The answer to an intake submission: the only time the submitter's portal link is shown.</summary>
/// <param name="Number">The new case's number, when its template has a prefix.</param>
/// <param name="Url">The portal link to follow the case (the token is in its fragment).</param>
/// <param name="Token">The link's token, for API clients.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record IntakeReceipt(string? Number, string Url, string Token, DateTimeOffset ExpiresAt);
