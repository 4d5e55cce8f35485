namespace CaseFy.Application.Portal;

/// <summary>The answer to creating a link: the only time its URL and token are ever shown.</summary>
/// <param name="Link">The link, as it will be listed.</param>
/// <param name="Url">The URL to give the external party (the token is in its fragment).</param>
/// <param name="Token">The token itself, for API clients.</param>
public sealed record CreatedPortalLink(PortalLinkSummary Link, string Url, string Token);
