namespace CaseFy.Model.Access;

/// <summary>What a client submits to hand a case to a new owner.</summary>
public sealed record NewOwner(string? Id, string? Name);
