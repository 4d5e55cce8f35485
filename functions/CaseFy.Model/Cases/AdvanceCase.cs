namespace CaseFy.Model.Cases;

/// <summary>What a client submits to move a case out of its current stage.</summary>
public sealed record AdvanceCase(string? Reason);
