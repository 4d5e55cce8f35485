using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CaseFy.LocalHost.Storage;

/// <summary>
/// Azurite, started from the repository's own npm lock on free loopback ports with its data in a folder, and
/// stopped gracefully (SIGTERM lets it flush its metadata; a kill could lose the last writes).
/// </summary>
public sealed class EmbeddedAzurite : IAsyncDisposable
{
    // Azurite's fixed development account (public, documented by Microsoft; not a secret).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // The last lines Azurite printed: why it stopped, when it stops while starting (a port in use, a locked folder).
    private const int OutputLinesKept = 20;

    private const int FreePortAttempts = 5;

    private readonly Process _process;
    private readonly string _pidFile;
    private readonly ConcurrentQueue<string> _output = new();

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
        foreach (var arg in new[]
        {
            script, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--location", dataDirectory,
            "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
        })
        {
            start.ArgumentList.Add(arg);
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

    /// <summary>Stops Azurite with SIGTERM and waits for it to flush; kills it only if it does not exit.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        AppDomain.CurrentDomain.UnhandledException -= StopOnExit;
        if (!_process.HasExited)
        {
            Terminate(_process.Id);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
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
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already disposed: stopped the ordinary way.
        }
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
}
