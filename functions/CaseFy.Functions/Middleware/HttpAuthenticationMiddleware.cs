using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CaseFy.Functions.Middleware;

/// <summary>
/// The worker has no <c>UseAuthentication()</c>: authenticate the bearer token of every HTTP trigger here, with the
/// same Microsoft.Identity.Web scheme the local host uses. The handlers then apply the same policies
/// (<c>RequestAccess</c>); an invalid or missing token leaves an anonymous user, which they answer with 401.
/// </summary>
public sealed class HttpAuthenticationMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            http.User = result.Succeeded ? result.Principal : new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    }
}
