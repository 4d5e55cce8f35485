using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseFy.LocalHost.Storage;

/// <summary>
/// Azurite, started from the repository's own npm lock on free loopback ports with its data in a folder, and
/// stopped gracefully (SIGTERM lets it flush its metadata; a kill could lose the last writes).
/// </summary>
public sealed partial class EmbeddedAzurite : IAsyncDisposable
{
    // Azurite's fixed development account (public, documented by Microsoft; not a secret).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // The last lines Azurite printed: why it stopped, when it stops while starting (a port in use, a locked folder).
    private const int OutputLinesKept = 20;

    private const int FreePortAttempts = 5;

    // Blob, queue and table: each prints "Azurite … service successfully closed" once its data is saved.
    private const int ServiceCount = 3;
    private const string ServiceClosedLine = "service successfully closed";

    // Once every service has closed, only a connection its client still holds keeps Node running; how long to allow.
    private static readonly TimeSpan LingerAfterClose = TimeSpan.FromSeconds(1);

    private readonly Process _process;
    private readonly string _pidFile;
    private readonly ConcurrentQueue<string> _output = new();

    // Completed when Azurite has said each of its three services closed, i.e. saved its data (see DisposeAsync).
    private readonly TaskCompletionSource _servicesClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _servicesStillOpen = ServiceCount;

    private EmbeddedAzurite(Process process, string dataDirectory, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        DataDirectory = dataDirectory;
        _pidFile = Path.Combine(dataDirectory, "azurite.pid");
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;

        // Whatever ends the host (a crash in a stop handler, an exit before the container disposes this), Azurite
        // must not outlive it: it would hold the data folder and its ports.
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        AppDomain.CurrentDomain.UnhandledException += StopOnExit;
    }

    public string DataDirectory { get; }

    /// <summary>The CPU time Azurite (one Node process) has used so far: what bounds the engine on it (benchmark).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Where its stop is reported; set once the host's logging exists (Azurite starts before it).</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>Installs Azurite from the repo's npm lock if missing, then starts it on free ports and waits until it listens.</summary>
    /// <remarks>
    /// A port found free can be taken by another process before Azurite binds it (test assemblies start their
    /// Azurites side by side): Azurite then exits with EADDRINUSE, and this tries again on fresh ports.
    /// </remarks>
    public static Task<EmbeddedAzurite> StartAsync(string repoRoot, string dataDirectory, CancellationToken cancellationToken) =>
        StartAsync(repoRoot, dataDirectory, LoopbackPort.Free, cancellationToken);

    /// <summary>As <see cref="StartAsync(string, string, CancellationToken)"/>, with the ports <paramref name="freePort"/> offers.</summary>
    public static async Task<EmbeddedAzurite> StartAsync(string repoRoot, string dataDirectory, Func<int> freePort, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(freePort);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartAsync(repoRoot, dataDirectory, freePort(), freePort(), freePort(), cancellationToken);
            }
            catch (AzuritePortTakenException) when (attempt < FreePortAttempts)
            {
            }
        }
    }

    /// <summary>
    /// Starts Azurite on the given ports, e.g. those of an earlier instance on the same folder: a restarted
    /// storage then answers at the connection string its clients already hold.
    /// </summary>
    public static async Task<EmbeddedAzurite> StartAsync(
        string repoRoot, string dataDirectory, int blobPort, int queuePort, int tablePort, CancellationToken cancellationToken)
    {
        var script = Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", repoRoot, cancellationToken);
        }

        Directory.CreateDirectory(dataDirectory);
        StopLeftover(Path.Combine(dataDirectory, "azurite.pid"));

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Measurements at size only: nothing is saved (Azurite otherwise rewrites its whole table file every few
        // seconds, which stalls it past a few thousand cases; it refuses a --location then), and the heap may grow
        // past Node's default limit.
        var inMemory = Environment.GetEnvironmentVariable("CASEFY_AZURITE_IN_MEMORY") == "1";

        // Diagnosis only: a V8 CPU profile of Azurite (written when it stops), to see what its one thread spends time on.
        if (Environment.GetEnvironmentVariable("CASEFY_AZURITE_CPU_PROFILE") is { Length: > 0 } profileFolder)
        {
            start.ArgumentList.Add("--cpu-prof");
            start.ArgumentList.Add("--cpu-prof-dir=" + profileFolder);
        }

        foreach (var arg in new[]
        {
            script, "--silent", "--skipApiVersionCheck", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
        }.Concat(inMemory ? ["--inMemoryPersistence"] : ["--location", dataDirectory]))
        {
            start.ArgumentList.Add(arg);
        }

        if (inMemory)
        {
            start.Environment["NODE_OPTIONS"] = "--max-old-space-size=16384";
        }

        // Diagnosis only: Azurite's own log of every request (large; e.g. to count storage calls per case).
        if (Environment.GetEnvironmentVariable("CASEFY_AZURITE_DEBUG_LOG") is { Length: > 0 } debugLog)
        {
            start.ArgumentList.Add("--debug");
            start.ArgumentList.Add(debugLog);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var azurite = new EmbeddedAzurite(process, dataDirectory, blobPort, queuePort, tablePort);
        process.OutputDataReceived += (_, e) => azurite.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => azurite.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await File.WriteAllTextAsync(azurite._pidFile, process.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await azurite.WaitUntilListeningAsync(cancellationToken);
        return azurite;
    }

    /// <summary>
    /// Stops Azurite with SIGTERM and waits for it to save its data. Its services save as they close, but the
    /// process lives on while a client holds a connection that raced the close (seen under load: 9 s of a 10-s stop
    /// budget), so once all three have said they closed it is given a second to exit and then killed, losing nothing.
    /// It is killed unsaved only if it has not closed within 10 s.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        AppDomain.CurrentDomain.UnhandledException -= StopOnExit;
        if (!_process.HasExited)
        {
            var stopping = Stopwatch.StartNew();
            Terminate(_process.Id);
            var exited = _process.WaitForExitAsync();
            Task closedOrExited = Task.WhenAny(exited, _servicesClosed.Task);
            await closedOrExited.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var saved = _servicesClosed.Task.IsCompleted || exited.IsCompleted;
            if (saved)
            {
                await exited.WaitAsync(LingerAfterClose).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (!_process.HasExited)
            {
                KillAndReap(_process);
            }

            if (saved)
            {
                LogStopped(Logger, stopping.Elapsed);
            }
            else
            {
                LogKilled(Logger, stopping.Elapsed);
            }
        }

        File.Delete(_pidFile);
        _process.Dispose();
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (!_process.HasExited)
            {
                Terminate(_process.Id);
                if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    KillAndReap(_process);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already disposed: stopped the ordinary way.
        }
    }

    // A kill is a signal, not an exit: under heavy load the process lingered past the host's own exit (a full run at
    // load 65 saw it alive a second after), so the host waits for it to be gone.
    private static void KillAndReap(Process process)
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(TimeSpan.FromSeconds(5));
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    // The parameterless wait also drains the redirected output, so the last lines are all in.
                    await _process.WaitForExitAsync(CancellationToken.None);
                    var message = $"Azurite exited with code {_process.ExitCode} while starting (data in {DataDirectory}, ports {BlobPort}/{QueuePort}/{TablePort}):"
                        + Environment.NewLine + string.Join(Environment.NewLine, _output);
                    File.Delete(_pidFile);
                    _process.Dispose();
                    throw _output.Any(line => line.Contains("EADDRINUSE", StringComparison.Ordinal))
                        ? new AzuritePortTakenException(message)
                        : new InvalidOperationException(message);
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50, cancellationToken);
                }
            }
        }
    }

    private void Keep(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        if (line.Contains(ServiceClosedLine, StringComparison.Ordinal) && Interlocked.Decrement(ref _servicesStillOpen) == 0)
        {
            _servicesClosed.TrySetResult();
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept)
        {
            _output.TryDequeue(out _);
        }
    }

    // A host killed with -9 leaves its Azurite running on the same folder: stop it before starting another.
    private static void StopLeftover(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile), CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        try
        {
            using var leftover = Process.GetProcessById(pid);
            if (leftover.ProcessName == "node")
            {
                Terminate(pid);
                if (!leftover.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    leftover.Kill(entireProcessTree: true);
                }
            }
        }
        catch (ArgumentException)
        {
            // Not running any more.
        }
    }

    private static async Task RunAsync(string file, string arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, UseShellExecute = false })
            ?? throw new InvalidOperationException($"Could not run {file}.");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {arguments}' failed with exit code {process.ExitCode} in {workingDirectory}.");
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static void Terminate(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The embedded Azurite saved its data and stopped in {Elapsed}.")]
    private static partial void LogStopped(ILogger logger, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedded Azurite did not stop within {Elapsed} of SIGTERM and was killed; its last writes may be lost.")]
    private static partial void LogKilled(ILogger logger, TimeSpan elapsed);
}
