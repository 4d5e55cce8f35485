using CaseFy.Model.Cases;
using CaseFy.Model.Portal;

namespace CaseFy.Application.Portal;

/// <summary>An active portal link found from its token, with its case.</summary>
public sealed record PortalLinkMatch(CaseRecord Case, PortalLink Link);
