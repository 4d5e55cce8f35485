using System.Reflection;

namespace CaseFy.InfraTests;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package that restore downloads
/// (PackageDownload in the csproj); its folder comes in through assembly metadata.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    /// <summary>Runs the CLI with <paramref name="arguments"/> in the infra folder, with <paramref name="environment"/> added to its environment.</summary>
    public static Task<ToolResult> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken) =>
        ToolProcess.RunAsync(
            Executable.Value, arguments, RepoPaths.InfraDir, environment?.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)), cancellationToken);

    private static string Locate()
    {
        var metadata = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var packageRoot = metadata.GetValueOrDefault("NuGetPackageRoot");
        var version = metadata.GetValueOrDefault("BicepVersion");
        if (string.IsNullOrEmpty(packageRoot) || string.IsNullOrEmpty(version))
        {
            throw new InvalidOperationException("NuGetPackageRoot/BicepVersion metadata missing: was the project restored?");
        }

        var path = Path.Combine(packageRoot, "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Bicep CLI not found; restore downloads it.", path);
        }

        // NuGet does not keep the executable bit.
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            var mode = File.GetUnixFileMode(path);
            if ((mode & execute) != execute)
            {
                File.SetUnixFileMode(path, mode | execute);
            }
        }

        return path;
    }
}
