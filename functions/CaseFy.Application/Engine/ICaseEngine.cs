namespace CaseFy.Application.Engine;

/// <summary>
/// The orchestration engine as the API sees it. The hosts provide it: the local host as a singleton over its engine
/// client, the Functions app per request from its trigger's <c>[DurableClient]</c> binding, so the API never knows
/// which host it runs in.
/// </summary>
public interface ICaseEngine
{
    /// <summary>Starts the orchestration of a case just stored under a new id (no instance can exist yet).</summary>
    Task StartAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the case's orchestration to look at the stored facts again, and which stage visit the stored case is in now
    /// (<paramref name="visit"/>: a generation of an earlier visit moves on without a read). Unless <paramref name="started"/>
    /// (the stored case proves its orchestration runs), the instance is looked up first and started when it is missing
    /// (its start was lost) or ended.
    /// </summary>
    Task SignalAsync(string caseId, string action, int visit, bool started, CancellationToken cancellationToken);

    /// <summary>
    /// Makes sure an orchestration carries out stored work that has waited since <paramref name="waitingSince"/>
    /// (e.g. a pending advance whose signal died with the process): signals the running instance; starts one when
    /// it is missing or ended; replaces it when it is suspended, or when the work has waited longer than
    /// <paramref name="patience"/> and the instance has not taken a turn for as long (see <c>RepairRule</c>). Safe because the
    /// orchestration derives everything from the stored case and its activities are idempotent.
    /// </summary>
    Task RepairAsync(string caseId, DateTimeOffset waitingSince, TimeSpan patience, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>One round trip to the engine's backend; throws when it is unreachable.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
