using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CaseFy.LocalHost.Identity;

/// <summary>
/// With the development issuer on, answers only requests addressed to this machine by a loopback name
/// (<c>127.0.0.1</c>, <c>localhost</c>, <c>[::1]</c>, any port). Listening on loopback is not enough: a page served
/// from <c>http://evil.example:7071</c> whose name re-resolves to 127.0.0.1 (DNS rebinding) reaches the socket as
/// "same origin" and could mint an admin token; its requests still carry its own <c>Host</c>, refused here (400) before
/// any route runs.
/// </summary>
public static class DevIssuerHostFilter
{
    /// <summary>Whether <paramref name="host"/> names this machine by a loopback name.</summary>
    public static bool IsLoopbackName(HostString host) =>
        host.HasValue && (host.Host is "127.0.0.1" or "[::1]" || string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    /// <summary>Refuses, first in the pipeline, every request whose Host is not a loopback name.</summary>
    public static void UseDevIssuerHostFilter(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (IsLoopbackName(context.Request.Host))
            {
                await next(context);
                return;
            }

            await Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown host",
                detail: "With the development issuer on, this host answers only requests to 127.0.0.1, localhost or [::1].")
                .ExecuteAsync(context);
        });
    }
}
