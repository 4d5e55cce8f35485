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

    /// <summary>One round trip to the engine's backend; throws when it is unreachable.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
