namespace CaseFy.Model.Cases;

/// <summary>A decision recorded on a stage visit.</summary>
/// <param name="StageKey">The stage.</param>
/// <param name="Visit">The visit of the stage it was made in.</param>
/// <param name="Option">The chosen option's key.</param>
/// <param name="Outcome">The option's route (<c>next</c>, <c>goToStage:…</c>, <c>close:…</c>).</param>
/// <param name="Rationale">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who.</param>
public sealed record CaseDecision(string StageKey, int Visit, string Option, string Outcome, string? Rationale, DateTimeOffset At, Actor By);
