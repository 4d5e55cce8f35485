using CaseFy.Orchestration;

namespace CaseFy.UnitTests;

public sealed class RepairRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(EngineInstanceState.Missing, RepairRemedy.Start)]
    [InlineData(EngineInstanceState.Ended, RepairRemedy.Start)]
    [InlineData(EngineInstanceState.Suspended, RepairRemedy.Replace)]
    public void Decide_InstanceNotRunning_StartsOrReplacesWhateverTheTimes(EngineInstanceState state, RepairRemedy expected)
    {
        Assert.Equal(expected, RepairRule.Decide(state, lastUpdatedAt: Now, waitingSince: Now, Now, Patience));
    }

    [Fact]
    public void Decide_RunningInstanceSilentLongerThanTheWorkWaited_IsReplaced()
    {
        var remedy = RepairRule.Decide(EngineInstanceState.Running, lastUpdatedAt: Now.AddMinutes(-7), waitingSince: Now.AddMinutes(-6), Now, Patience);

        Assert.Equal(RepairRemedy.Replace, remedy);
    }

    [Fact]
    public void Decide_WorkWaitedLongButInstanceStillTakesTurns_IsOnlySignalled()
    {
        // Slow, not jammed: a long queue on a loaded machine. Replacing it would discard its progress.
        var remedy = RepairRule.Decide(EngineInstanceState.Running, lastUpdatedAt: Now.AddSeconds(-20), waitingSince: Now.AddMinutes(-9), Now, Patience);

        Assert.Equal(RepairRemedy.Signal, remedy);
    }

    [Fact]
    public void Decide_InstanceSilentButWorkStoredRecently_IsOnlySignalled()
    {
        // An idle instance waiting for signals is silent for hours; the work it has not seen yet is fresh.
        var remedy = RepairRule.Decide(EngineInstanceState.Running, lastUpdatedAt: Now.AddHours(-3), waitingSince: Now.AddMinutes(-1), Now, Patience);

        Assert.Equal(RepairRemedy.Signal, remedy);
    }
}
