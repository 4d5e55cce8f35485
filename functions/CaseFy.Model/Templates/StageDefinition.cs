namespace CaseFy.Model.Templates;

/// <summary>One stage of a template's process.</summary>
/// <param name="Key">A short, unique, URL-safe key (e.g. <c>intake</c>).</param>
/// <param name="Name">The name people see.</param>
public sealed record StageDefinition(string Key, string Name);
