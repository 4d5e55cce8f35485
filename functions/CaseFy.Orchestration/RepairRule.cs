namespace CaseFy.Orchestration;

/// <summary>
/// Chooses the remedy for a case whose stored work (a pending advance) has waited since a moment. A running instance
/// is replaced only when the work has waited longer than the patience <em>and</em> the instance has not taken a single
/// turn for as long, signals notwithstanding: that is a jam. An instance that keeps taking turns is merely slow (on a
/// loaded machine its control queue is long), and replacing it would throw away its progress and add work to the
/// very queue it waits in (the long crash suite's final host discarded ~480 messages of replaced instances).
/// </summary>
public static class RepairRule
{
    /// <param name="state">What the engine says about the instance.</param>
    /// <param name="lastUpdatedAt">When the instance last took a turn (ignored unless it runs).</param>
    /// <param name="waitingSince">When the work was stored.</param>
    /// <param name="now">The current time.</param>
    /// <param name="patience">How long work and instance may both stand still before the instance is replaced.</param>
    public static RepairRemedy Decide(EngineInstanceState state, DateTimeOffset lastUpdatedAt, DateTimeOffset waitingSince, DateTimeOffset now, TimeSpan patience) =>
        state switch
        {
            EngineInstanceState.Missing or EngineInstanceState.Ended => RepairRemedy.Start,
            EngineInstanceState.Suspended => RepairRemedy.Replace,
            _ when now - waitingSince > patience && now - lastUpdatedAt > patience => RepairRemedy.Replace,
            _ => RepairRemedy.Signal,
        };
}
