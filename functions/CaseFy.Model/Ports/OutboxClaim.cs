namespace CaseFy.Model.Ports;

/// <summary>A publisher's temporary hold on one case's outbox.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Version">The store's version of the claim (an ETag), so a release can tell whether new entries arrived.</param>
/// <param name="FailedAttempts">How many publishing attempts in a row failed for this case (for the back-off).</param>
public sealed record OutboxClaim(string CaseId, string Version, int FailedAttempts);
