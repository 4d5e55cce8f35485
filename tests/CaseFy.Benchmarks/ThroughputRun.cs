namespace CaseFy.Benchmarks;

/// <summary>One create-and-drive measurement (<see cref="ThroughputBenchmark"/>).</summary>
/// <param name="Cases">Cases per side.</param>
/// <param name="CaseFy">CaseFy's time for all its cases.</param>
/// <param name="Raw">The raw engine's time for as many orchestrations.</param>
/// <param name="AzuriteBusy">Azurite's CPU time over the wall time of both sides (1.0 = one core, its ceiling).</param>
/// <param name="Problems">CaseFy timelines with a lost or duplicated entry or a broken chain.</param>
public sealed record ThroughputRun(int Cases, TimeSpan CaseFy, TimeSpan Raw, double AzuriteBusy, int Problems)
{
    /// <summary>Azurite's CPU time while CaseFy's cases ran (its storage work, and any left over from the side before).</summary>
    public TimeSpan CaseFyAzurite { get; init; }

    /// <summary>Azurite's CPU time while the raw orchestrations ran.</summary>
    public TimeSpan RawAzurite { get; init; }

    public double CaseFyRate => Cases / CaseFy.TotalSeconds;

    public double RawRate => Cases / Raw.TotalSeconds;
}
