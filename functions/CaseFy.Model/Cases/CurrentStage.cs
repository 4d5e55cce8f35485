namespace CaseFy.Model.Cases;

/// <summary>The stage a case is in.</summary>
/// <param name="Index">Position in the template's stage list.</param>
/// <param name="Key">The stage key.</param>
/// <param name="Name">The stage name.</param>
/// <param name="EnteredAt">When the orchestration entered it; <see langword="null"/> until the stage-entry activity ran.</param>
public sealed record CurrentStage(int Index, string Key, string Name, DateTimeOffset? EnteredAt);
