using CaseFy.Application.Access;
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
            .MapGet(ApiRoutes.Config, GetConfig)
            .Produces<ClientConfig>();
        return app;
    }

    public static IResult GetConfig(IOptions<SignInOptions> signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        var options = signIn.Value;
        var config = options switch
        {
            { DevIssuer: true } => new SignInConfig("dev", null, null, [], $"/{ApiRoutes.Prefix}/{ApiRoutes.DevToken}"),
            { ClientId: { Length: > 0 } clientId } => new SignInConfig("entra", options.Authority, clientId, options.Scopes, null),
            _ => new SignInConfig("none", null, null, [], null),
        };
        return TypedResults.Ok(new ClientConfig(config));
    }
}
