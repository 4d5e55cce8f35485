using System.Net.Sockets;
using Grpc.Core;

namespace CaseFy.Application.Http;

/// <summary>
/// Tells "a dependency (storage, the engine) is unreachable" apart from a bug, so an outage is answered with
/// 503 (try again later) rather than 500.
/// </summary>
public static class DependencyFailures
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        // Azure SDK: no answer at all (Status 0), or the service says it is unavailable/overloaded.
        Azure.RequestFailedException ex => ex.Status is 0 or 500 or 503 || (ex.InnerException is not null && IsUnavailable(ex.InnerException)),
        // The Azure SDK gives up after its retries with all attempts' failures.
        AggregateException ex => ex.InnerExceptions.Count > 0 && ex.InnerExceptions.All(IsUnavailable),
        HttpRequestException or SocketException or TimeoutException => true,
        // The local engine's sidecar could not reach its storage (or be reached).
        RpcException ex => ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unknown,
        _ => false,
    };
}
