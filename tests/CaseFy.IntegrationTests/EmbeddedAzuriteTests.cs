using System.Net;
using System.Net.Sockets;
using CaseFy.LocalHost;
using CaseFy.LocalHost.Storage;

namespace CaseFy.IntegrationTests;

/// <summary>When the embedded Azurite cannot start, the host says why, in Azurite's own words; a port taken meanwhile is retried.</summary>
public sealed class EmbeddedAzuriteTests
{
    [Fact]
    public async Task Start_BlobPortInUse_FailsWithAzuritesReason()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var folder = Directory.CreateTempSubdirectory("casefy-azurite-");
        try
        {
            var failure = await Assert.ThrowsAsync<AzuritePortTakenException>(() => EmbeddedAzurite.StartAsync(
                RepoPaths.FindRoot(), folder.FullName, port, LoopbackPort.Free(), LoopbackPort.Free(), TestContext.Current.CancellationToken));

            Assert.Contains("EADDRINUSE", failure.Message, StringComparison.Ordinal);
            Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Start_OnFreePorts_WhenOneIsTakenMeanwhile_StartsOnOthers()
    {
        // The first port offered is taken by the time Azurite binds it, as when another test assembly's Azurite got it first.
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var taken = ((IPEndPoint)busy.LocalEndpoint).Port;
        var offered = 0;
        var folder = Directory.CreateTempSubdirectory("casefy-azurite-");
        try
        {
            await using var azurite = await EmbeddedAzurite.StartAsync(
                RepoPaths.FindRoot(), folder.FullName, () => offered++ == 0 ? taken : LoopbackPort.Free(), TestContext.Current.CancellationToken);

            Assert.Equal(6, offered);
            Assert.NotEqual(taken, azurite.BlobPort);
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, azurite.TablePort, TestContext.Current.CancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
