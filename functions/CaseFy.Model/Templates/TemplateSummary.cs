namespace CaseFy.Model.Templates;

/// <summary>A template as listed: its newest version and whether it is archived.</summary>
public sealed record TemplateSummary
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required int LatestVersion { get; init; }

    public required TemplateStatus Status { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
