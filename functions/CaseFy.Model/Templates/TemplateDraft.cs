namespace CaseFy.Model.Templates;

/// <summary>What a team submits to create a template; every field is checked by <see cref="TemplateRules"/>.</summary>
public sealed record TemplateDraft(string? Name, string? Description, IReadOnlyList<StageDraft?>? Stages);

/// <summary>A stage as submitted, before validation.</summary>
public sealed record StageDraft(string? Key, string? Name);
