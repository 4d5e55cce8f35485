using System.Diagnostics;

namespace CaseFy.Benchmarks;

/// <summary>
/// (8) Several instances on one task hub (issue 19): create-and-drive with one instance against the same with
/// <c>instances</c> instances sharing the storage and task hub, cases spread over their APIs as a load balancer would,
/// in one run and in the order one, many, one (so a drift in load or hub size favours neither). Every timeline of the
/// many-instance part is checked. The instances share this process and the machine's two cores with the one Azurite.
/// </summary>
public static class ScaleOutBenchmark
{
    // How long the engine may take to spread its partitions over the new instances before the many-instance part.
    private static readonly TimeSpan SpreadWithin = TimeSpan.FromSeconds(90);

    public static async Task<ReportRow> RunAsync(BenchEnvironment bench, int cases, int instances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var half = cases / 2;
        var (single, _) = await ThroughputBenchmark.DriveCaseFyAsync(bench, [bench.Api], half, half, cancellationToken);

        TimeSpan many;
        List<string> ids;
        string spread;
        var extra = new List<BenchInstance>();
        try
        {
            for (var i = 1; i < instances; i++)
            {
                extra.Add(await bench.StartInstanceAsync(i, cancellationToken));
            }

            spread = await WaitForSpreadAsync(bench, instances, cancellationToken);
            Console.WriteLine($"  partitions spread: {spread}");
            (many, ids) = await ThroughputBenchmark.DriveCaseFyAsync(bench, [bench.Api, .. extra.Select(e => e.Api)], cases, cases, cancellationToken);
        }
        finally
        {
            foreach (var instance in extra)
            {
                await instance.DisposeAsync();
            }
        }

        var (secondSingle, _) = await ThroughputBenchmark.DriveCaseFyAsync(bench, [bench.Api], cases - half, cases - half, cancellationToken);
        single += secondSingle;
        var problems = await ThroughputBenchmark.CheckTimelinesAsync(bench, ids, cancellationToken);
        var singleRate = cases / single.TotalSeconds;
        var manyRate = cases / many.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"  1 instance: {singleRate:F1}/s; {instances} instances: {manyRate:F1}/s; problems: {problems.Count}"));
        return new ReportRow(
            $"Create-and-drive {cases} cases on {instances} instances (one task hub) vs 1",
            FormattableString.Invariant($"{manyRate:F1} cases/s ({many.TotalSeconds:F1} s, {instances} instances)"),
            FormattableString.Invariant($"{singleRate:F1} cases/s ({single.TotalSeconds:F1} s, 1 instance)"),
            singleRate / manyRate, null,
            $"order 1 instance ({half}), {instances} instances ({cases}), 1 instance ({cases - half}); ratio = 1-instance rate ÷ {instances}-instance rate (below 1: more instances were faster); partition owners before the {instances}-instance part: {spread}; same process, 2 cores, one Azurite; timelines checked: {ids.Count}, broken: {problems.Count}");
    }

    // Waits until as many distinct instances hold partition leases as run (or the limit passes), and says how they are spread.
    private static async Task<string> WaitForSpreadAsync(BenchEnvironment bench, int instances, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var owners = await bench.PartitionOwnersAsync(cancellationToken);
            var byOwner = owners.Where(o => o.Length > 0).GroupBy(o => o).Select(g => g.Count()).OrderDescending().ToList();
            if (byOwner.Count >= instances || clock.Elapsed > SpreadWithin)
            {
                return FormattableString.Invariant($"{string.Join('/', byOwner)} of {owners.Count} after {clock.Elapsed.TotalSeconds:F0} s");
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }
}
