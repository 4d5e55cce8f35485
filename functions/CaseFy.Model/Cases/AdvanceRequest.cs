namespace CaseFy.Model.Cases;

/// <summary>A person asked to move the case out of a stage; the orchestration carries it out.</summary>
/// <param name="StageIndex">The stage the request was made in; stale once the case has left it.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestedAt">When.</param>
public sealed record AdvanceRequest(int StageIndex, string? Reason, Actor RequestedBy, DateTimeOffset RequestedAt);
