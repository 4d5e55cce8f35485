namespace CaseFy.Model.Templates;

/// <summary>
/// A template's public intake form: anyone with its address (<c>/api/intake/{slug}</c>) may open a case of the template
/// by filling <see cref="Fields"/> and giving their name and e-mail address. Off unless <see cref="Enabled"/>.
/// </summary>
/// <param name="Enabled">Whether the form takes submissions; a new template version with <c>false</c> closes it at once.</param>
/// <param name="Slug">The form's address, unique among templates (<see cref="IntakeSlugs"/>).</param>
/// <param name="Fields">The keys of the template's fields the form asks for (each filled by the outside party).</param>
public sealed record IntakeDefinition(bool Enabled, string Slug, IReadOnlyList<string> Fields)
{
    /// <summary>When not empty, only e-mail addresses of these domains may submit (<c>example.com</c>, exact match).</summary>
    public IReadOnlyList<string> AllowedEmailDomains { get; init; } = [];
}
