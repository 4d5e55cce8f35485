namespace CaseFy.FaultTests.Infrastructure;

/// <summary>
/// How hard the suites push: the short form by default, <c>CASEFY_FAULT_SCALE=medium</c> (100 cases, 10 kills) or
/// <c>CASEFY_FAULT_SCALE=full</c> for the long form (e.g. <c>CASEFY_FAULT_SCALE=full dotnet test tests/CaseFy.FaultTests</c>).
/// </summary>
public sealed record FaultScale(int CrashCases, int Kills, int LoadClients, TimeSpan LoadDuration, int ConcurrentUpdates, int ScaleOutCases)
{
    public static FaultScale Current { get; } = Environment.GetEnvironmentVariable("CASEFY_FAULT_SCALE")?.ToUpperInvariant() switch
    {
        "FULL" => new FaultScale(CrashCases: 200, Kills: 20, LoadClients: 200, LoadDuration: TimeSpan.FromSeconds(30), ConcurrentUpdates: 50, ScaleOutCases: 150),
        "MEDIUM" => new FaultScale(CrashCases: 100, Kills: 10, LoadClients: 200, LoadDuration: TimeSpan.FromSeconds(10), ConcurrentUpdates: 50, ScaleOutCases: 90),
        _ => new FaultScale(CrashCases: 50, Kills: 5, LoadClients: 200, LoadDuration: TimeSpan.FromSeconds(10), ConcurrentUpdates: 50, ScaleOutCases: 30),
    };
}
