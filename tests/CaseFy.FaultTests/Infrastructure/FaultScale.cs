namespace CaseFy.FaultTests.Infrastructure;

/// <summary>
/// How hard the suites push: a short form for CI, the long form by hand with <c>CASEFY_FAULT_SCALE=full</c>
/// (e.g. <c>CASEFY_FAULT_SCALE=full dotnet test tests/CaseFy.FaultTests</c>).
/// </summary>
public sealed record FaultScale(int CrashCases, int Kills, int LoadClients, TimeSpan LoadDuration, int ConcurrentUpdates)
{
    public static FaultScale Current { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CASEFY_FAULT_SCALE"), "full", StringComparison.OrdinalIgnoreCase)
            ? new FaultScale(CrashCases: 200, Kills: 20, LoadClients: 200, LoadDuration: TimeSpan.FromSeconds(30), ConcurrentUpdates: 50)
            : new FaultScale(CrashCases: 50, Kills: 5, LoadClients: 200, LoadDuration: TimeSpan.FromSeconds(10), ConcurrentUpdates: 50);
}
