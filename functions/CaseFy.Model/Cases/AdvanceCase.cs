namespace CaseFy.Model.Cases;

/// <summary>What a client submits to move a case out of its current stage.</summary>
/// <param name="Reason">Why, for the timeline (optional).</param>
/// <param name="FromStage">
/// The key of the stage the client means to leave (optional, recommended): when the case has already left it, the
/// request is refused (409) instead of advancing the next stage, so two people advancing at once never skip one.
/// </param>
public sealed record AdvanceCase(string? Reason, string? FromStage = null);
