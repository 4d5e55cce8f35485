using System.ComponentModel.DataAnnotations;

namespace CaseFy.Application.Http;

/// <summary>
/// Which browser origins may call the API (section <c>Cors</c>; in Azure the app setting
/// <c>Cors__AllowedOrigins__0</c> holds the Static Web App's URL, locally the local host fills in its portal's
/// address). Named apart from ASP.NET Core's own <c>CorsOptions</c>, which the policy is built into.
/// </summary>
public sealed class CorsSettings : IValidatableObject
{
    public const string SectionName = "Cors";

    /// <summary>Origins as <c>scheme://host[:port]</c> (no path, no wildcard); empty: no cross-origin caller at all.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!IsOrigin(origin))
            {
                yield return new ValidationResult(
                    $"Cors:AllowedOrigins: '{origin}' is not an origin (http(s)://host[:port], no path, no wildcard).",
                    [nameof(AllowedOrigins)]);
            }
        }
    }

    /// <summary>Whether <paramref name="value"/> is one origin, as a browser sends it in <c>Origin</c> (a trailing slash is forgiven).</summary>
    public static bool IsOrigin(string? value) =>
        Uri.TryCreate(value?.TrimEnd('/'), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !value!.Contains('*', StringComparison.Ordinal)
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
