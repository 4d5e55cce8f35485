using CaseFy.Application.Access;
using CaseFy.Application.Apis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFy.Application.Http;

/// <summary>
/// The one HTTP pipeline of both hosts: the local host serves it with Kestrel, the Functions app hands every request
/// of its catch-all trigger to it. Services, middleware order and endpoints are declared here only, so whatever a
/// test proves on one host (a limit, a header, a sign-in rule) holds on the other.
/// </summary>
public static class CaseFyHttpPipeline
{
    /// <summary>
    /// Storage, use cases, sign-in (Microsoft.Identity.Web, from <paramref name="configuration"/>'s <c>AzureAd</c>
    /// section, read now: a host that changes it does so first), CORS and rate limits.
    /// </summary>
    public static IServiceCollection AddCaseFyHttpPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseFyApplication();
        services.AddCaseFyAuthentication(configuration);
        services.AddCaseFyHttpHardening();
        return services;
    }

    /// <summary>
    /// Security headers, the body size cap, CORS and rate limits; then failures as problem details (an unreachable
    /// dependency is 503, never a bare 500); then sign-in and the API's endpoints. No portal file: the portal has its
    /// own origin (a Static Web App; locally the local host's portal site).
    /// </summary>
    public static WebApplication UseCaseFyHttpPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCaseFyHttpHardening();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,

                // A body that could not be read (broken framing the server does not report as a bad request) is the
                // client's: routes reading forms or streams end here, JSON routes answer it themselves (RequestBody).
                IOException => StatusCodes.Status400BadRequest,
                _ when DependencyFailures.IsUnavailable(ex) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.MapCaseFyApi();
        return app;
    }
}
