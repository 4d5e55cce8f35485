namespace CaseFy.Orchestration;

/// <summary>What a repair does to the orchestration of a case whose stored work waits (see <see cref="RepairRule"/>).</summary>
public enum RepairRemedy
{
    /// <summary>Signal the running instance: it reads the stored case and carries the work out.</summary>
    Signal,

    /// <summary>Terminate the instance, then start a new one (it is suspended, or has been silent too long).</summary>
    Replace,

    /// <summary>Start an instance: there is none, or it has ended.</summary>
    Start,
}
