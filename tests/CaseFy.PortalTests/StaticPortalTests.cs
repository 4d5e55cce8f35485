using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseFy.LocalHost.Storage;

namespace CaseFy.PortalTests;

/// <summary>Rules about the shipped files themselves: size budget, no HTML sinks, no inline code, a strict CSP.</summary>
public sealed partial class StaticPortalTests
{
    private const int BudgetBytes = 60 * 1024;

    private static string PortalRoot => Path.Combine(RepoPaths.FindRoot(), "portal-static");

    // What is shipped: the build of portal-static/ (eng/build-portal.mjs), made by the local host's build.
    private static string BuiltRoot => Path.Combine(RepoPaths.FindRoot(), "artifacts", "portal");

    private static IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(PortalRoot, pattern, SearchOption.AllDirectories);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    public void Screenshots_NotAskedFor_GoOutsideTheCheckout(string? setting)
    {
        var folder = Path.GetFullPath(PortalPage.ScreenshotFolderFor(setting));

        Assert.False(folder.StartsWith(Path.GetFullPath(RepoPaths.FindRoot()), StringComparison.Ordinal), folder);
        Assert.Equal(Path.Combine(RepoPaths.FindRoot(), "docs", "screenshots"), PortalPage.ScreenshotFolderFor("1"));
    }

    [Fact]
    public void ShippedScriptsAndStyles_Gzipped_StayUnderSixtyKilobytes()
    {
        var files = Directory.EnumerateFiles(BuiltRoot, "*.js", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(BuiltRoot, "*.css", SearchOption.AllDirectories))
            .ToList();

        var total = files.Sum(GzippedLength);

        Assert.Contains(files, f => f.EndsWith("oidc-client-ts.min.js", StringComparison.Ordinal));
        Assert.True(files.Count >= 4, "The built portal's scripts and styles were not found.");
        Assert.True(total < BudgetBytes, $"The shipped JS+CSS (app bundles, stylesheet, sign-in library) is {total} bytes gzipped; the budget is {BudgetBytes}.");
    }

    [Fact]
    public void Build_EveryShippedPage_IsThereWithItsOwnBundle()
    {
        foreach (var file in new[] { "index.html", "portal.html", "intake.html", "staticwebapp.config.json", "app/main.js", "app/portal.js", "app/intake.js", "styles/app.css" })
        {
            Assert.True(File.Exists(Path.Combine(BuiltRoot, file)), $"artifacts/portal/{file} is missing: build the local host.");
        }

        // One bundle per page: the sources' modules are inside it, not fetched one by one.
        Assert.DoesNotContain("from './", File.ReadAllText(Path.Combine(BuiltRoot, "app", "main.js")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(BuiltRoot, "app", "views")));
    }

    [Fact]
    public void Scripts_NeverWriteHtmlStrings()
    {
        var offenders = Files("*.js")
            .SelectMany(f => HtmlSink().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(PortalRoot, f)}: {m.Value}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void HtmlPages_HaveNoInlineScriptsStylesOrHandlers()
    {
        var offenders = Files("*.html")
            .SelectMany(f => InlineCode().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void StaticWebAppConfig_ContentSecurityPolicy_AllowsOnlyOwnScriptsAndStyles()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(PortalRoot, "staticwebapp.config.json")));
        var headers = config.RootElement.GetProperty("globalHeaders");
        var csp = headers.GetProperty("Content-Security-Policy").GetString()!;

        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.GetProperty("X-Content-Type-Options").GetString());
        Assert.Equal("/index.html", config.RootElement.GetProperty("navigationFallback").GetProperty("rewrite").GetString());
    }

    [Fact]
    public void VendoredOidcClient_ComparedWithTheLockedNpmPackage_IsTheSameFile()
    {
        var root = RepoPaths.FindRoot();
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "package-lock.json")));
        var locked = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/oidc-client-ts").GetProperty("version").GetString();
        var installed = Path.Combine(root, "node_modules", "oidc-client-ts");
        var vendored = File.ReadAllBytes(Path.Combine(PortalRoot, "vendor", "oidc-client-ts.min.js"));

        Assert.StartsWith("\"use strict\";var oidc=", System.Text.Encoding.UTF8.GetString(vendored, 0, 40), StringComparison.Ordinal);
        if (!File.Exists(Path.Combine(installed, "package.json")))
        {
            // npm ci (eng/test.sh) installs it from the lock file; a working copy that never ran it cannot compare.
            Assert.Skip($"node_modules has no oidc-client-ts (run npm ci); the lock file says {locked}.");
        }

        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(installed, "package.json")));
        Assert.Equal(locked, package.RootElement.GetProperty("version").GetString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(installed, "dist", "browser", "oidc-client-ts.min.js")), vendored);
    }

    private static long GzippedLength(string path)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        using (var input = File.OpenRead(path))
        {
            input.CopyTo(gzip);
        }

        return output.Length;
    }

    [GeneratedRegex(@"\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\s*\(|new\s+Function\s*\()")]
    private static partial Regex HtmlSink();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|\sstyle\s*=|\son[a-z]+\s*=|<style[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();
}
