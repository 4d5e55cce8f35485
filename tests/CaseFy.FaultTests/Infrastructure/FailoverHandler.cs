namespace CaseFy.FaultTests.Infrastructure;

/// <summary>
/// Sends each request to the host <paramref name="route"/> names at that moment, as a load balancer in front of
/// several instances would: a client outlives the death of the instance it was talking to.
/// </summary>
public sealed class FailoverHandler(Func<Uri> route) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = route();
        request.RequestUri = new UriBuilder(request.RequestUri!) { Host = target.Host, Port = target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
