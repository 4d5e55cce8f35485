namespace CaseFy.Application.Cases;

/// <summary>The outside party's message to the team, through their portal link.</summary>
public sealed record NewPortalMessage(string? Text);
