namespace CaseFy.Application.Health;

/// <summary>What <c>GET /api/health</c> answers.</summary>
/// <param name="Status"><c>healthy</c> when every part answers, <c>degraded</c> otherwise.</param>
/// <param name="Storage"><c>ok</c> or <c>unreachable</c>.</param>
/// <param name="Engine"><c>ok</c> or <c>unreachable</c>.</param>
public sealed record HealthReport(string Status, string Storage, string Engine);
