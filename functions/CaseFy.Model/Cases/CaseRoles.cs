using CaseFy.Model.Templates;

namespace CaseFy.Model.Cases;

/// <summary>Resolves a template role (<c>owner</c>, a participant role) to the person holding it on a case.</summary>
public static class CaseRoles
{
    /// <summary>The person holding <paramref name="role"/>, or <see langword="null"/> when nobody does yet.</summary>
    /// <remarks>The owner is the case's creator until per-case owners and participants exist.</remarks>
    public static Actor? Resolve(CaseRecord current, string role)
    {
        ArgumentNullException.ThrowIfNull(current);
        return role == TemplateKeys.OwnerRole ? current.CreatedBy : null;
    }
}
