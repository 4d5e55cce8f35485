using System.Net;
using System.Net.Sockets;
using CaseFy.LocalHost;
using CaseFy.LocalHost.Storage;

namespace CaseFy.IntegrationTests;

/// <summary>When the embedded Azurite cannot start, the host says why, in Azurite's own words.</summary>
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
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedAzurite.StartAsync(
                RepoPaths.FindRoot(), folder.FullName, port, LoopbackPort.Free(), LoopbackPort.Free(), TestContext.Current.CancellationToken));

            Assert.Contains("EADDRINUSE", failure.Message, StringComparison.Ordinal);
            Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
