namespace CaseFy.Application.Cases;

/// <summary>A team member's message to the outside party of one of the case's portal links.</summary>
public sealed record NewMessage(string? Text, string? LinkId);
