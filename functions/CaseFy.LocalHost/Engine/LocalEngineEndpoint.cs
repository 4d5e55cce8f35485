using System.Net.Sockets;
using Grpc.Net.Client;

namespace CaseFy.LocalHost.Engine;

/// <summary>
/// Where the local sidecar listens: a Unix domain socket of its own, named at registration, since the worker's
/// channel is built then. Not a loopback port: a port found free at registration could be taken before the sidecar
/// bound it (a restarted host in the crash suite failed to start so: "address already in use"); a new socket path
/// cannot be.
/// </summary>
public sealed record LocalEngineEndpoint(string SocketPath)
{
    public static LocalEngineEndpoint InTempFolder() =>
        new(Path.Combine(Path.GetTempPath(), $"casefy-engine-{Guid.NewGuid():N}.sock"));

    /// <summary>A gRPC channel to the sidecar over the socket (HTTP/2 without TLS, as on loopback).</summary>
    public GrpcChannel Channel() =>
        GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { ConnectCallback = ConnectAsync },
        });

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
