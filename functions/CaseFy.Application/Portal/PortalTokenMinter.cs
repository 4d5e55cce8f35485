using CaseFy.Application.Security;

namespace CaseFy.Application.Portal;

/// <summary>
/// Makes a portal link's token from the case and link ids under the app's portal-link key (derived from the app's own
/// key, <see cref="ServerKeys"/>): when the link is created (its hash is stored) and again when a mail must carry the
/// link. Storage alone still cannot be turned into working links: the key never leaves the app's settings.
/// </summary>
public sealed class PortalTokenMinter(ServerKeys keys)
{
    /// <summary>The <see cref="ServerKeys"/> purpose of the portal-link key.</summary>
    public const string KeyPurpose = "portal-link-token";

    private readonly byte[] _key = keys.For(KeyPurpose);

    /// <summary>The token of link <paramref name="linkId"/> of case <paramref name="caseId"/>.</summary>
    public string TokenOf(string caseId, string linkId) => PortalTokens.Derive(caseId, linkId, _key);

    /// <summary>The token of <paramref name="link"/>, or <see langword="null"/> when its stored hash is not of the token this key makes (an older link, or the key changed).</summary>
    public string? TokenOf(string caseId, Model.Portal.PortalLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var token = TokenOf(caseId, link.Id);
        return PortalTokens.HashesEqual(PortalTokens.Hash(token), link.TokenHash) ? token : null;
    }
}
