using System.ComponentModel.DataAnnotations;
using CaseFy.Application.Http;

namespace CaseFy.Application.Portal;

/// <summary>The portal settings (section <c>Portal</c>).</summary>
public sealed class PortalOptions : IValidatableObject
{
    public const string SectionName = "Portal";

    /// <summary>
    /// The portal's origin (<c>https://host</c>), where portal link URLs point (never the request's Host header) and
    /// where the local development issuer sends the browser back. Without it no link can be made (503).
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>The portal page that opens a link; the token follows in the URL fragment, which browsers never send to servers.</summary>
    [Required]
    public string LinkPath { get; set; } = "/portal.html";

    /// <summary>The address a portal link opens: the page at <paramref name="origin"/> with the token in the fragment.</summary>
    public string LinkUrl(string origin, string token)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return $"{origin.TrimEnd('/')}{LinkPath}#{token}";
    }

    /// <summary>Requests per minute one portal token may make.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerTokenPerMinute { get; set; } = 60;

    /// <summary>Requests per minute one client address may make to portal routes (whatever the token).</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerAddressPerMinute { get; set; } = 300;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Origin is { Length: > 0 } && !CorsSettings.IsOrigin(Origin))
        {
            yield return new ValidationResult($"Portal:Origin '{Origin}' is not an origin (http(s)://host[:port]).", [nameof(Origin)]);
        }
    }
}
