using CaseFy.Application.Access;
using CaseFy.Application.Apis.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseFy.Application.Apis;

/// <summary>The anonymous <c>/api/config</c> route: the portal's sign-in settings.</summary>
public static class ConfigApi
{
    public static IEndpointRouteBuilder MapConfigApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup(ApiRoutes.Prefix).WithTags("Config")
            .MapGet(ApiRoutes.Config, GetConfig).AllowAnonymous()
            .WithSummary("How the portal signs in (its settings, read at start-up)")
            .Produces<ClientConfig>();
        return app;
    }

    public static IResult GetConfig(HttpRequest request, IOptions<SignInOptions> signIn)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signIn);
        var options = signIn.Value;
        var mode = options switch
        {
            { DevIssuer: true } => "dev",
            { ClientId.Length: > 0 } => "entra",
            _ => null,
        };
        var config = mode is null || options.Authority is null
            ? new SignInConfig("none", null, null, [])
            // The development issuer's authority is a path on this host: the browser needs the full address.
            : new SignInConfig(mode, options.Authority.StartsWith('/') ? $"{request.Scheme}://{request.Host}{options.Authority}" : options.Authority, options.ClientId, options.Scopes);
        return TypedResults.Ok(new ClientConfig(config));
    }
}
