namespace CaseFy.Orchestration;

/// <summary>A case's orchestration instance as a repair sees it.</summary>
public enum EngineInstanceState
{
    /// <summary>No instance with the case's id.</summary>
    Missing,

    /// <summary>Pending or running.</summary>
    Running,

    /// <summary>Suspended: it takes no turns until resumed.</summary>
    Suspended,

    /// <summary>Completed, failed or terminated.</summary>
    Ended,
}
