using System.Net;
using System.Net.Sockets;

namespace CaseFy.LocalHost;

/// <summary>Free TCP ports on 127.0.0.1, so local runs and parallel tests never collide with each other or a user's own services.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
