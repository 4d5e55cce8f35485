namespace CaseFy.LocalHost.Storage;

/// <summary>Finds the checkout the local host runs from (the folder with <c>CaseFy.sln</c>): its portal files and npm lock live there.</summary>
public static class RepoPaths
{
    public static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CaseFy.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
