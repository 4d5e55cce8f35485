using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CaseFy.LocalHost;
using CaseFy.LocalHost.Storage;

namespace CaseFy.FaultTests.Infrastructure;

/// <summary>
/// The local host as a separate process (the build's own <c>CaseFy.LocalHost.dll</c>), on a fixed loopback port
/// and a fixed engine worker id, so it can be killed with SIGKILL and started again exactly as before.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly string? _connectionString;
    private readonly string _taskHub;
    private readonly string _workerId;
    private readonly IReadOnlyList<string> _settings;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Lock _logLock = new();
    private Process? _process;

    /// <param name="connectionString">The storage; <see langword="null"/> for the host's own embedded Azurite (data in <see cref="DataDirectory"/>).</param>
    /// <param name="workerId">The engine worker id: the same across restarts of one instance, distinct between instances.</param>
    /// <param name="settings">More host settings (<c>--Key=value</c>).</param>
    public HostProcess(string? connectionString, string taskHub, string workerId = "fixed", IReadOnlyList<string>? settings = null)
    {
        _connectionString = connectionString;
        _taskHub = taskHub;
        _workerId = workerId;
        _settings = settings ?? [];
        Address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
    }

    public Uri Address { get; }

    /// <summary>The data folder of the embedded Azurite, when the host runs its own (no connection string given).</summary>
    public string? DataDirectory { get; private set; }

    /// <summary>
    /// Starts the host as the leader of its own process group (<c>setsid</c>), as systemd or a container runtime
    /// does, so <see cref="SignalGroup"/> reaches it and its embedded Azurite at once.
    /// </summary>
    public bool OwnProcessGroup { get; init; }

    /// <summary>The host's process id while it runs.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The host is not running.");

    public int Starts { get; private set; }

    /// <summary>When the host last answered after a start (UTC).</summary>
    public DateTime LastStartedAt { get; private set; }

    /// <summary>How long all starts took until the host answered: time in which nothing could progress.</summary>
    public TimeSpan TimeStarting { get; private set; }

    /// <summary>Whether the process is up (started and not killed).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The host's last lines of output, for a failure message.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    public static string NewTaskHub() => "f" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Starts the host and waits until it listens (it may still report storage as degraded).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(OwnProcessGroup ? "setsid" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.FindRoot(),
        };
        if (_connectionString is null)
        {
            DataDirectory ??= Directory.CreateTempSubdirectory("casefy-fault-data-").FullName;
        }

        string[] arguments =
        [
            // setsid makes the started process a session and group leader; it runs dotnet in its place (same pid).
            .. OwnProcessGroup ? new[] { "dotnet" } : Array.Empty<string>(),
            LocalHostDll(),
            "--urls", Address.ToString().TrimEnd('/'),
            // The portal's own origin on a free port: parallel hosts never contend for the default one.
            "--portal-url", "http://127.0.0.1:0",
            .. _connectionString is null
                ? new[] { "--data-dir", DataDirectory!, LocalHostApp.NoSamplesSwitch }
                : new[] { $"--Storage:ConnectionString={_connectionString}" },
            $"--Durable:TaskHub={_taskHub}",
            // The same worker id after a crash takes the partition leases back at once.
            $"--Durable:WorkerId={_workerId}",
            // Work a killed process held reappears after this (ARCHITECTURE.md pitfall 4); above any activity's run time.
            "--Durable:WorkItemVisibilityTimeout=00:00:10",
            // An activity whose answer is lost is run again after this (the crash suite allows 2 min after the last start).
            "--Durable:LostActivityAfter=00:00:30",
            "--Logging:LogLevel:Default=Warning",
            .. _settings,
        ];
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var starting = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The local host did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        await WaitUntilListeningAsync(cancellationToken);
        TimeStarting += starting.Elapsed;
        LastStartedAt = DateTime.UtcNow;
    }

    /// <summary>SIGKILL: no shutdown code runs, leases and in-flight work items are left as they are.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>SIGTERM to the host's whole process group (the host and its embedded Azurite at once), as a container stop sends.</summary>
    public void SignalGroup() => Signal("-TERM", "-" + ProcessId.ToString(CultureInfo.InvariantCulture));

    /// <summary>SIGTERM to the host process alone.</summary>
    public void Terminate() => Signal("-TERM", ProcessId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Waits until the host has exited.</summary>
    /// <returns>Whether it exited within <paramref name="patience"/>.</returns>
    public async Task<bool> WaitForExitAsync(TimeSpan patience)
    {
        var process = _process ?? throw new InvalidOperationException("The host is not running.");
        using var limit = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The host's exit code, once it has exited.</summary>
    public int ExitCode => _process?.ExitCode ?? throw new InvalidOperationException("The host was not started.");

    /// <summary>The host's resident memory now, in bytes.</summary>
    public long WorkingSetBytes()
    {
        var process = _process ?? throw new InvalidOperationException("The host is not running.");
        process.Refresh();
        return process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            // SIGTERM: a graceful stop releases the engine's leases.
            Terminate();

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process?.Dispose();
        _process = null;
        if (DataDirectory is not null)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover Azurite still writing: the folder is under the temp directory anyway.
            }
        }
    }

    private static void Signal(string signal, string target)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, "--", target]) { UseShellExecute = false });
        kill?.WaitForExit();
    }

    private static string LocalHostDll()
    {
        var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepoPaths.FindRoot(), "functions", "CaseFy.LocalHost", "bin", configuration, "net10.0", "CaseFy.LocalHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the local host first.", dll);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        // CASEFY_FAULT_HOST_LOG=file keeps every host's whole output, stamped with the time and the start it belongs to.
        if (Environment.GetEnvironmentVariable("CASEFY_FAULT_HOST_LOG") is { Length: > 0 } log)
        {
            lock (_logLock)
            {
                File.AppendAllText(log, $"{DateTime.UtcNow:HH:mm:ss.fff} [{Starts}] {line}{Environment.NewLine}");
            }
        }

        // Stamped, so a failure's message shows how long each phase took (e.g. a stop: the engine, then Azurite).
        _output.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited while starting:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative), cancellationToken);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
