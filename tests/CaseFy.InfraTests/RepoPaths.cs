namespace CaseFy.InfraTests;

/// <summary>Paths inside the repository, found from the test binaries' folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding CaseFy.sln.</summary>
    public static string RepoRoot => Root.Value;

    public static string InfraDir => Path.Combine(RepoRoot, "infra");

    public static string MainBicep => Path.Combine(InfraDir, "main.bicep");

    public static string MainParameters => Path.Combine(InfraDir, "main.parameters.json");

    public static string AzureYaml => Path.Combine(RepoRoot, "azure.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseFy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CaseFy.sln above {AppContext.BaseDirectory}.");
    }
}
