using System.Diagnostics;
using System.Globalization;
using CaseFy.FaultTests.Infrastructure;

namespace CaseFy.FaultTests;

/// <summary>
/// How the local host stops, run as a person runs it (its own embedded Azurite, data in a folder): a SIGTERM to its
/// process group in any order of death, and a SIGTERM to the host alone after it has been idle. Each time it must exit
/// within 10 s, cleanly, with its Azurite stopped.
/// </summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(10);

    // The lines that time a stop's phases (the host's lifetime, the engine, Azurite) in a failure's message.
    private static readonly string[] StopPhases =
        ["--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", "--Logging:LogLevel:CaseFy.LocalHost=Information"];

    [Fact]
    public async Task Sigterm_ToProcessGroup_HostAndAzuriteExitWithin10Seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new HostProcess(connectionString: null, HostProcess.NewTaskHub(), settings: StopPhases) { OwnProcessGroup = true };
        await host.StartAsync(ct);
        await OpenAndAdvanceCaseAsync(host, ct);
        var azurite = AzuriteProcess(host);

        host.SignalGroup();

        await AssertStopsAsync(host, azurite);
    }

    [Fact]
    public async Task Sigterm_AfterAzuriteDied_HostExitsWithin10Seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new HostProcess(connectionString: null, HostProcess.NewTaskHub(), settings: StopPhases) { OwnProcessGroup = true };
        await host.StartAsync(ct);
        await OpenAndAdvanceCaseAsync(host, ct);

        // The worst order of a group stop: storage is gone before the host begins to stop (it then has leases to
        // release and an outbox to read against a storage that refuses every connection).
        using (var azurite = AzuriteProcess(host))
        {
            using (Process.Start(new ProcessStartInfo("kill", ["-TERM", azurite.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
            }

            Assert.True(azurite.WaitForExit(TimeSpan.FromSeconds(10)), "Azurite did not stop on SIGTERM.");
        }

        host.SignalGroup();

        Assert.True(await host.WaitForExitAsync(ExitWithin), $"The host was still running {ExitWithin.TotalSeconds} s after SIGTERM:{Environment.NewLine}{host.RecentOutput}");
    }

    [Fact]
    public async Task Sigterm_AfterIdlePeriod_QuietStillWorksAndExitsCleanly()
    {
        var ct = TestContext.Current.CancellationToken;

        // The worker's work-item stream, idle, is given up for silent after this (2 min by default; 2 s here).
        var silenceTimeout = TimeSpan.FromSeconds(2);
        await using var host = new HostProcess(
            connectionString: null,
            HostProcess.NewTaskHub(),
            settings: [$"--Durable:StreamSilenceTimeout={silenceTimeout:c}", .. StopPhases]);
        await host.StartAsync(ct);
        await OpenAndAdvanceCaseAsync(host, ct);

        await Task.Delay(silenceTimeout * 6, ct);
        var output = host.RecentOutput;
        Assert.False(
            output.Contains("stopped receiving traffic", StringComparison.Ordinal),
            $"The idle host reconnected its worker:{Environment.NewLine}{output}");

        // Still working after the idle period: a new case opens and moves on.
        await OpenAndAdvanceCaseAsync(host, ct);
        var azurite = AzuriteProcess(host);

        host.Terminate();

        await AssertStopsAsync(host, azurite);
        Assert.Equal(0, host.ExitCode);
        // An activity still running at the stop has its answer cancelled, which the worker logs; the engine runs it
        // again (at least once). Any other exception is a stop that went wrong (e.g. one thrown by the lease manager).
        var stopOutput = host.RecentOutput;
        Assert.False(
            stopOutput.Split('\n').Any(line => line.Contains("Exception", StringComparison.Ordinal) && !line.Contains("Cancel", StringComparison.Ordinal)),
            $"The host's stop logged an exception:{Environment.NewLine}{stopOutput}");
    }

    private static async Task AssertStopsAsync(HostProcess host, Process azurite)
    {
        using (azurite)
        {
            Assert.True(await host.WaitForExitAsync(ExitWithin), $"The host was still running {ExitWithin.TotalSeconds} s after SIGTERM:{Environment.NewLine}{host.RecentOutput}");

            // The host stops its Azurite before it exits (the group's own SIGTERM may already have done it).
            Assert.True(azurite.WaitForExit(TimeSpan.FromSeconds(1)), $"The embedded Azurite (pid {azurite.Id}) outlived the host.");
        }
    }

    private static Process AzuriteProcess(HostProcess host)
    {
        var pidFile = Path.Combine(host.DataDirectory!, "azurite", "azurite.pid");
        return Process.GetProcessById(int.Parse(File.ReadAllText(pidFile), CultureInfo.InvariantCulture));
    }

    /// <summary>Opens a two-stage case and advances it: the engine ran (the stage was entered and then left).</summary>
    private static async Task OpenAndAdvanceCaseAsync(HostProcess host, CancellationToken ct)
    {
        using var api = new ResilientApi(host.Address, patience: TimeSpan.FromMinutes(1));
        var template = await api.CreateTemplateAsync(["one", "two"], ct);
        var opened = await api.OpenCaseAsync(template.Id, "Shutdown", ct);
        using var advance = await api.TryAdvanceOnceAsync(opened.Id, "next", ct);
        Assert.NotNull(advance);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await api.GetCaseAsync(opened.Id, ct)).CurrentStage.Key != "two")
        {
            Assert.True(DateTime.UtcNow < deadline, "The case did not reach its second stage within 60 s.");
            await Task.Delay(200, ct);
        }
    }
}
