using CaseFy.FaultTests.Infrastructure;

namespace CaseFy.FaultTests;

/// <summary>What a person running the local host reads on its console: one start-up announcement, no engine chatter.</summary>
public sealed class ConsoleOutputTests
{
    [Fact]
    public async Task Console_AfterStart_SaysApplicationStartedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await FaultStorage.StartAsync(ct);
        // The console as a person running the host sees it (the fault suites run it at Warning).
        await using var host = new HostProcess(
            storage.ConnectionString, HostProcess.NewTaskHub(), settings: ["--Logging:LogLevel:Default=Information"]);
        await host.StartAsync(ct);
        using var api = new ResilientApi(host.Address, patience: TimeSpan.FromMinutes(1));
        await api.TryHealthAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);

        var output = host.RecentOutput;
        Assert.True(
            output.Split('\n').Count(l => l.Contains("Application started", StringComparison.Ordinal)) == 1,
            $"Expected one 'Application started' line:{Environment.NewLine}{output}");
    }
}
