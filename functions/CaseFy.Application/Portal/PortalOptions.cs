using System.ComponentModel.DataAnnotations;

namespace CaseFy.Application.Portal;

/// <summary>The portal settings (section <c>Portal</c>).</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>The portal's origin (<c>https://host</c>): CORS allows only it, and link URLs point at it. Empty: the API's own origin.</summary>
    public string? Origin { get; set; }

    /// <summary>The portal page that opens a link; the token follows in the URL fragment, which browsers never send to servers.</summary>
    [Required]
    public string LinkPath { get; set; } = "/portal.html";

    /// <summary>Requests per minute one portal token may make.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerTokenPerMinute { get; set; } = 60;

    /// <summary>Requests per minute one client address may make to portal routes (whatever the token).</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerAddressPerMinute { get; set; } = 300;
}
