namespace CaseFy.LocalHost.Engine;

/// <summary>Where the local sidecar listens: a free loopback port chosen at registration, since the worker's channel is built then.</summary>
public sealed record LocalEngineEndpoint(int Port)
{
    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static LocalEngineEndpoint OnFreeLoopbackPort() => new(LoopbackPort.Free());
}
