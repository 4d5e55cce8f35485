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

    /// <summary>The Blob event subscription the postdeploy hook deploys, and its parameters file.</summary>
    public static string BlobSubscriptionBicep => Path.Combine(InfraDir, "blob-subscription.bicep");

    public static string BlobSubscriptionParameters => Path.Combine(InfraDir, "blob-subscription.bicepparam");

    /// <summary>The web service's predeploy script.</summary>
    public static string WritePortalConfigScript => Path.Combine(RepoRoot, "eng", "write-portal-config.mjs");

    /// <summary>The source of the Static Web App's configuration (headers, CSP).</summary>
    public static string StaticWebAppConfig => Path.Combine(RepoRoot, "portal-static", "staticwebapp.config.json");

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
