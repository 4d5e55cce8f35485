using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;

namespace CaseFy.Application.Access;

/// <summary>Sign-in for both hosts: Entra ID bearer tokens through Microsoft.Identity.Web, and CaseFy's policies.</summary>
public static class AccessServiceCollectionExtensions
{
    public const string AzureAdSection = "AzureAd";
    public const string DefaultScope = "access_as_user";

    /// <summary>
    /// Validates bearer tokens with Microsoft.Identity.Web (section <c>AzureAd</c>: Instance, TenantId, ClientId,
    /// Audience) and registers the <see cref="CaseFyPolicies"/>. Without a ClientId every token is refused, so an
    /// unconfigured deployment is closed, not open.
    /// </summary>
    public static IServiceCollection AddCaseFyAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var azureAd = configuration.GetSection(AzureAdSection);
        var authentication = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        if (string.IsNullOrWhiteSpace(azureAd["ClientId"]))
        {
            // No app registration yet: Identity.Web would throw on every request; refuse every token instead.
            authentication.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, options => options.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    context.NoResult();
                    return Task.CompletedTask;
                },
            });
        }
        else
        {
            authentication.AddMicrosoftIdentityWebApi(azureAd, JwtBearerDefaults.AuthenticationScheme);
        }

        services.AddAuthorization(CaseFyPolicies.Configure);
        services.AddOptions<SignInOptions>().Configure(options =>
        {
            var clientId = azureAd["ClientId"];
            if (string.IsNullOrWhiteSpace(clientId))
            {
                return;
            }

            var instance = (azureAd["Instance"] is { Length: > 0 } i ? i : "https://login.microsoftonline.com/").TrimEnd('/');
            var audience = azureAd["Audience"] is { Length: > 0 } a ? a : $"api://{clientId}";
            // The v2.0 endpoint: OpenID Connect discovery with PKCE for single-page apps.
            options.Authority = $"{instance}/{azureAd["TenantId"]}/v2.0";
            options.ClientId = clientId;
            options.Scopes = [$"{audience}/{DefaultScope}"];
        });
        return services;
    }
}
