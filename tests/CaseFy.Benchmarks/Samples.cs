using System.Globalization;

namespace CaseFy.Benchmarks;

/// <summary>Latencies of one measured operation, in milliseconds, with the summary figures the report prints.</summary>
public sealed class Samples(string name)
{
    private readonly List<double> _values = [];

    public string Name => name;

    public int Count => _values.Count;

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public void Add(TimeSpan elapsed) => _values.Add(elapsed.TotalMilliseconds);

    public double Percentile(double p)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: median {Median:F1} ms, p95 {P95:F1} ms (n={Count})");
}
