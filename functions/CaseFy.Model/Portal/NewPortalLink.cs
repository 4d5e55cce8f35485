namespace CaseFy.Model.Portal;

/// <summary>What a client submits to create a portal link for an external party.</summary>
public sealed record NewPortalLink(string? Name, string? Email, IReadOnlyList<PortalAction>? Actions, int? ExpiresInDays);
