using System.Net;
using System.Net.Sockets;

namespace CaseFy.FaultTests.Infrastructure;

/// <summary>
/// A loopback TCP proxy in front of a real endpoint that holds everything a client sends for a fixed delay before
/// passing it on (answers flow back at once): a storage service that answers every request slowly, as Azurite
/// does on a machine under heavy load, but predictably.
/// </summary>
public sealed class SlowProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _upstreamPort;
    private readonly TimeSpan _delay;
    private readonly Task _accepting;

    public SlowProxy(int upstreamPort, TimeSpan delay)
    {
        (_upstreamPort, _delay) = (upstreamPort, delay);
        _listener.Start();
        _accepting = AcceptAsync(_stopping.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(stopping);
                connections.Add(RelayAsync(client, stopping));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task RelayAsync(TcpClient client, CancellationToken stopping)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, stopping);
                using var oneSideClosed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                await Task.WhenAny(
                    PumpAsync(client.GetStream(), upstream.GetStream(), _delay, oneSideClosed.Token),
                    PumpAsync(upstream.GetStream(), client.GetStream(), TimeSpan.Zero, oneSideClosed.Token));
                await oneSideClosed.CancelAsync();
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException)
            {
            }
        }
    }

    private static async Task PumpAsync(NetworkStream from, NetworkStream to, TimeSpan delay, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, cancellationToken);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }
}
