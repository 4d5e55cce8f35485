namespace CaseFy.Model.Cases;

/// <summary>What a client submits to open a case.</summary>
public sealed record NewCase(string? TemplateId, string? Title);
