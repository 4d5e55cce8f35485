namespace CaseFy.Application.Engine;

/// <summary>
/// The orchestration engine as the API sees it. The hosts provide it: the local host from DI, the Functions app
/// from its <c>[DurableClient]</c> binding, so the API never knows which host it runs in.
/// </summary>
public interface ICaseEngine
{
    /// <summary>Starts the case's orchestration unless it already runs (a repeated start cannot duplicate a case).</summary>
    Task StartAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Tells the case's orchestration to look at the stored facts again; starts it if it is missing.</summary>
    Task SignalAsync(string caseId, string action, CancellationToken cancellationToken);

    /// <summary>
    /// Makes sure an orchestration is working on the case's current stage: signals it when it is, and replaces it
    /// with one starting at <paramref name="stageIndex"/> when it is missing, finished or stuck in an earlier stage
    /// (a continue-as-new lost to a crash or a storage outage leaves it there). Safe because the orchestration
    /// derives everything from the stored case.
    /// </summary>
    Task RepairAsync(string caseId, int stageIndex, CancellationToken cancellationToken);

    /// <summary>One round trip to the engine's backend; throws when it is unreachable.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
