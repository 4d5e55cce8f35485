namespace CaseFy.Application.Portal;

/// <summary>A stage as the portal shows it.</summary>
public sealed record PortalStage(int Index, string Name);
