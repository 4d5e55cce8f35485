using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseFy.Benchmarks;

/// <summary>
/// (5) The API under load from a separate process: <c>wrk</c> (Debian package) with <c>--connections</c> connections
/// (default 200) for a bounded time against a case read and the caller's case list, each against a static file served by the
/// same process (the portal's Kestrel site) as the HTTP stack's floor (measured right after it, so both see the same machine load).
/// </summary>
public static partial class HttpLoadBenchmark
{
    public static async Task<IReadOnlyList<ReportRow>> RunAsync(BenchEnvironment bench, TimeSpan duration, int connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var template = await bench.Api.CreateTemplateAsync(3, cancellationToken);
        var opened = await bench.Api.OpenCaseAsync(template.Id, "Under load", cancellationToken);
        var authorization = bench.Api.Http.DefaultRequestHeaders.Authorization?.ToString();
        var rows = new List<ReportRow>();
        foreach (var (name, path) in new[] { ("GET /api/cases/{id}", $"/api/cases/{opened.Id}"), ("GET /api/cases (the caller's list, first page)", "/api/cases") })
        {
            var measured = await RunWrkAsync(new Uri(bench.Address, path), authorization, duration, connections, cancellationToken);
            var floor = await RunWrkAsync(bench.StaticFile, authorization, duration, connections, cancellationToken);
            if (measured is null || floor is null)
            {
                return [new ReportRow("API under load (wrk)", "wrk not installed", "—", null, null, "apt-get install -y wrk")];
            }

            // A floor of error answers (the file missing, e.g. the portal not built) measures nothing.
            if (floor.NonSuccess > 0)
            {
                throw new InvalidOperationException($"The static-file floor {bench.StaticFile} answered {floor.NonSuccess} non-2xx: build the portal (artifacts/portal).");
            }

            Console.WriteLine($"  {name}: {measured}{Environment.NewLine}  static file: {floor}");
            rows.Add(new ReportRow(
                FormattableString.Invariant($"{name} under load: wrk, 2 threads, {connections} connections, {duration.TotalSeconds:F0} s"),
                measured.ToString(), floor.ToString(), floor.RequestsPerSecond / measured.RequestsPerSecond, null,
                "baseline = a static file from the same process (the portal's Kestrel site), measured right after; ratio = its requests/s ÷ the route's; wrk reports p90/p99, not p95"));
        }

        return rows;
    }

    private static async Task<WrkResult?> RunWrkAsync(Uri url, string? authorization, TimeSpan duration, int connections, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t2", FormattableString.Invariant($"-c{connections}"), $"-d{(int)duration.TotalSeconds}s", "--latency", "--timeout", "10s" })
        {
            start.ArgumentList.Add(arg);
        }

        if (authorization is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Authorization: {authorization}");
        }

        start.ArgumentList.Add(url.ToString());
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            var output = await process!.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var non2xx = NonSuccess().Match(output);
            return new WrkResult(
                double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                Latency(output, "50%"), Latency(output, "90%"), Latency(output, "99%"),
                non2xx.Success ? int.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
        }
    }

    // wrk prints e.g. "     90%   12.34ms" (or us / s).
    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(percentile)}\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex NonSuccess();

    private sealed record WrkResult(double RequestsPerSecond, double P50, double P90, double P99, int NonSuccess)
    {
        public override string ToString() =>
            FormattableString.Invariant($"{RequestsPerSecond:F0} req/s, p50 {P50:F1} ms, p90 {P90:F1} ms, p99 {P99:F1} ms, non-2xx {NonSuccess}");
    }
}
