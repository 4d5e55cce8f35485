using CaseFy.Application.Http;
using CaseFy.Application.Portal;
using CaseFy.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CaseFy.Functions.Middleware;

/// <summary>
/// What the local host's pipeline does before authentication, for HTTP triggers: security headers on every
/// response, the request body size cap (<see cref="RequestSizeLimit"/>), and the portal routes' rate limits (the
/// same <see cref="PortalRateLimiter"/>); a refused request never reaches its function. CORS is the Functions
/// platform's, configured for the portal origin in Bicep.
/// </summary>
public sealed class HttpHardeningMiddleware(PortalRateLimiter limiter) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            SecurityHeaders.Register(http);
            if (RequestSizeLimit.Check(http) is { } tooLarge)
            {
                context.GetInvocationResult().Value = tooLarge.ToActionResult();
                return;
            }

            if (limiter.Acquire(http) is { } rejection)
            {
                context.GetInvocationResult().Value = rejection.ToActionResult();
                return;
            }
        }

        await next(context);
    }
}
