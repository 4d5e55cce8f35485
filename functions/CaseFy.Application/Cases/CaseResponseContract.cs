using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CaseFy.Model.Cases;

namespace CaseFy.Application.Cases;

/// <summary>
/// What a case looks like in an HTTP answer, as opposed to storage: its portal links (each party's e-mail address and
/// token hash) are left out for every caller. Those who may manage links list them, without hashes, at
/// <c>GET /api/cases/{id}/portal-links</c>. Applied to the HTTP JSON options once, so every route that answers with a
/// case (reads, the list, each action) answers the same shape, and the OpenAPI document shows it.
/// </summary>
public static class CaseResponseContract
{
    private static readonly string PortalLinksName = JsonNamingPolicy.CamelCase.ConvertName(nameof(CaseRecord.PortalLinks));

    /// <summary>A <see cref="IJsonTypeInfoResolver"/> modifier: removes <see cref="CaseRecord.PortalLinks"/>.</summary>
    public static void LeaveOutPortalLinks(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Type != typeof(CaseRecord))
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Name == PortalLinksName)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
