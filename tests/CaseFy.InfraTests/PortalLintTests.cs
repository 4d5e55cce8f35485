using System.Text.Json;

namespace CaseFy.InfraTests;

/// <summary>
/// ESLint (from the npm lock, configured by eslint.config.mjs) on the portal's modules and the build scripts: the
/// recommended rules and import/no-cycle find nothing, and the cycle rule does catch a view importing main.js back.
/// </summary>
public sealed class PortalLintTests
{
    private static readonly string[] Targets = ["portal-static", "eng", "eslint.config.mjs"];

    private static string EslintCli => Path.Combine(RepoPaths.RepoRoot, "node_modules", "eslint", "bin", "eslint.js");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Eslint_PortalAndScripts_FindNothing()
    {
        Assert.True(File.Exists(EslintCli), $"ESLint is not installed at {EslintCli}: run npm ci (eng/test.sh does).");

        var result = await ToolProcess.RunAsync("node", [EslintCli, "--format", "json", "--max-warnings", "0", .. Targets], RepoPaths.RepoRoot, null, Ct);

        var findings = Findings(result.StandardOutput, RepoPaths.RepoRoot);
        Assert.Empty(findings);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Eslint_ViewImportingMainJsBack_ReportsTheCycle()
    {
        // A copy of the portal's modules where board.js imports main.js back (the cycle router.js removed), linted with
        // the repository's configuration: the copy keeps the checkout untouched.
        var copy = Directory.CreateTempSubdirectory("casefy-lint-");
        try
        {
            var app = Path.Combine(copy.FullName, "portal-static", "app");
            CopyFolder(Path.Combine(RepoPaths.RepoRoot, "portal-static", "app"), app);
            var board = Path.Combine(app, "views", "board.js");
            await File.WriteAllTextAsync(board, "import '../main.js';\n" + await File.ReadAllTextAsync(board, Ct), Ct);
            var config = new Uri(Path.Combine(RepoPaths.RepoRoot, "eslint.config.mjs")).AbsoluteUri;
            await File.WriteAllTextAsync(Path.Combine(copy.FullName, "eslint.config.mjs"), $"export {{ default }} from '{config}';\n", Ct);

            var result = await ToolProcess.RunAsync("node", [EslintCli, "--format", "json", "portal-static"], copy.FullName, null, Ct);

            Assert.Contains(Findings(result.StandardOutput, copy.FullName), f => f.StartsWith("portal-static/app/main.js:", StringComparison.Ordinal) && f.Contains(" import/no-cycle: Dependency cycle", StringComparison.Ordinal));
            Assert.Equal(1, result.ExitCode);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Each finding of ESLint's JSON report as "file:line rule: message".</summary>
    private static List<string> Findings(string report, string root)
    {
        using var json = JsonDocument.Parse(report);
        return json.RootElement.EnumerateArray()
            .SelectMany(file => file.GetProperty("messages").EnumerateArray().Select(m =>
                $"{Path.GetRelativePath(root, file.GetProperty("filePath").GetString()!)}:{(m.TryGetProperty("line", out var line) ? line.GetInt32() : 0)} "
                + $"{(m.TryGetProperty("ruleId", out var rule) ? rule.GetString() : null)}: {m.GetProperty("message").GetString()}"))
            .ToList();
    }
}
