using System.Diagnostics;

namespace CaseFy.InfraTests;

/// <summary>Runs a command-line tool to completion and keeps what it printed.</summary>
internal static class ToolProcess
{
    /// <summary>
    /// Runs <paramref name="executable"/> in <paramref name="workingDirectory"/>; <paramref name="environment"/> sets
    /// variables on top of this process's (a <see langword="null"/> value removes one).
    /// </summary>
    public static async Task<ToolResult> RunAsync(
        string executable,
        IEnumerable<string> arguments,
        string workingDirectory,
        IEnumerable<KeyValuePair<string, string?>>? environment,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? [])
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }
}
