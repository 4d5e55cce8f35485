using System.Diagnostics;
using CaseFy.LocalHost;
using CaseFy.LocalHost.Portal;
using CaseFy.LocalHost.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.IntegrationTests;

/// <summary>
/// <c>eng/smoke.sh</c>, the check ops run after <c>azd up</c>, run here against the local host as the run command
/// starts it (embedded Azurite in a temp folder, free ports, the portal on its own origin): green as it is, and red,
/// at the CORS preflight, when the API allows another origin than the portal's.
/// </summary>
public sealed class SmokeCheckTests
{
    private const string WebhookSecret = "smoke-test-secret";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Smoke_AgainstTheLocalHost_PassesEveryCheck()
    {
        var (exitCode, output) = await RunAgainstLocalHostAsync();

        Assert.True(exitCode == 0, output);
        Assert.Contains("smoke: all 15 checks passed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smoke_AgainstAHostAllowingAnotherOrigin_FailsAtTheCorsPreflight()
    {
        var (exitCode, output) = await RunAgainstLocalHostAsync("--Cors:AllowedOrigins:0=https://portal.elsewhere.example");

        Assert.True(exitCode == 1, output);
        Assert.Contains("FAIL  CORS preflight from the portal", output, StringComparison.Ordinal);
        Assert.Contains("smoke: FAILED after 3 passed checks", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAgainstLocalHostAsync(params string[] settings)
    {
        var data = Path.Combine(Path.GetTempPath(), "casefy-smoke", Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = await LocalHostApp.BuildAsync(
            [
                "--urls=http://127.0.0.1:0",
                $"--data-dir={data}",
                "--environment=Development",
                $"--Events:InboundSecret={WebhookSecret}",
                "--Logging:LogLevel:Default=Warning",
                .. settings,
            ], Ct);
            await host.StartAsync(Ct);
            var portal = host.Services.GetRequiredService<PortalSite>();
            var result = await RunScriptAsync(portal.ApiOrigin, LocalOrigins.Origin(portal.Address));
            await host.StopAsync(Ct);
            return result;
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string api, string portal)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(RepoPaths.FindRoot(), "eng", "smoke.sh"), api, portal })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CASEFY_WEBHOOK_SECRET"] = WebhookSecret;
        start.Environment.Remove("CASEFY_TOKEN");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
