using CaseFy.Application.Engine;
using CaseFy.Model.Ports;

namespace CaseFy.Application.Health;

/// <summary>Checks that storage and the orchestration engine answer, each within a few seconds.</summary>
public sealed class HealthService(ICaseStore cases)
{
    private const string ProbeCaseId = "health-probe";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthReport> CheckAsync(ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        // Reading a case that cannot exist is a full round trip to storage that changes nothing.
        var storage = ProbeAsync(ct => cases.GetAsync(ProbeCaseId, ct), cancellationToken);
        var engineOk = ProbeAsync(engine.ProbeAsync, cancellationToken);
        var (storageUp, engineUp) = (await storage, await engineOk);
        return new HealthReport(storageUp && engineUp ? "healthy" : "degraded", storageUp ? "ok" : "unreachable", engineUp ? "ok" : "unreachable");
    }

    private static async Task<bool> ProbeAsync(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await probe(timeout.Token);
            return true;
        }
#pragma warning disable CA1031 // Any failure of a dependency means "unreachable" to a health check.
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
