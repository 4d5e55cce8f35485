using CaseFy.Model.Templates;

namespace CaseFy.Model.Cases;

/// <summary>Resolves a template role (<c>owner</c>) to the person holding it on a case.</summary>
public static class CaseRoles
{
    /// <summary>The person holding <paramref name="role"/>, or <see langword="null"/> when nobody does.</summary>
    public static Actor? Resolve(CaseRecord current, string role)
    {
        ArgumentNullException.ThrowIfNull(current);
        return role == TemplateKeys.OwnerRole ? new Actor(CaseListing.OwnerId(current), CaseListing.OwnerName(current)) : null;
    }
}
