using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CaseFy.LocalHost.Identity;

/// <summary>
/// Points Microsoft.Identity.Web's JwtBearer scheme at the <see cref="DevIssuer"/> instead of Entra ID: a static
/// OpenID configuration (no metadata download) with the issuer's key, issuer and audience. Everything else
/// (lifetime, signature, the roles/scp requirement) is the production pipeline's.
/// </summary>
public sealed class DevIssuerJwtBearerSetup(DevIssuer issuer) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var configuration = new OpenIdConnectConfiguration { Issuer = DevIssuer.Issuer };
        configuration.SigningKeys.Add(issuer.SigningKey);
        options.Configuration = configuration;
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        options.Authority = null;
        options.MetadataAddress = string.Empty;
        var validation = options.TokenValidationParameters;
        validation.ValidIssuer = DevIssuer.Issuer;
        validation.ValidIssuers = [DevIssuer.Issuer];
        validation.IssuerValidator = null;
        validation.ValidAudience = DevIssuer.Audience;
        validation.ValidAudiences = [DevIssuer.Audience];
        validation.AudienceValidator = null;
        validation.IssuerSigningKey = issuer.SigningKey;
        validation.IssuerSigningKeys = [issuer.SigningKey];
        validation.ValidateIssuer = true;
        validation.ValidateAudience = true;
        validation.ValidateLifetime = true;
        validation.ValidateIssuerSigningKey = true;
        validation.ValidAlgorithms = ["RS256"];
    }
}
