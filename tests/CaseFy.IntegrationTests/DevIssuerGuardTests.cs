using CaseFy.LocalHost;

namespace CaseFy.IntegrationTests;

/// <summary>The development issuer can only run in Development on loopback: the host refuses to start otherwise.</summary>
public sealed class DevIssuerGuardTests
{
    [Theory]
    [InlineData("--environment=Production", "--DevIssuer:Enabled=true", "--urls=http://127.0.0.1:0")]
    [InlineData("--environment=Staging", "--DevIssuer:Enabled=true", "--urls=http://127.0.0.1:0")]
    [InlineData("--environment=Development", "--urls=http://0.0.0.0:0", "--x=y")]
    [InlineData("--environment=Development", "--urls=http://127.0.0.1:0;http://*:0", "--x=y")]
    [InlineData("--environment=Development", "--urls=http://127.0.0.1:0", "--Kestrel:Endpoints:Public:Url=http://[::]:0")]
    [InlineData("--environment=Development", "--HTTP_PORTS=8080", "--urls=http://127.0.0.1:0")]
    public async Task Build_DevIssuerOutsideDevelopmentOrLoopback_Refuses(params string[] args)
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(
            () => LocalHostApp.BuildAsync([.. args, "--Storage:ConnectionString=UseDevelopmentStorage=true"], TestContext.Current.CancellationToken));

        Assert.Contains("development token issuer", ex.Message, StringComparison.Ordinal);
    }
}
