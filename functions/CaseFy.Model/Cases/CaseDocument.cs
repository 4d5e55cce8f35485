using CaseFy.Model.Templates;

namespace CaseFy.Model.Cases;

/// <summary>A document of a case (metadata; the files are blobs): required by a stage of the template, or added ad hoc.</summary>
public sealed record CaseDocument
{
    /// <summary>The template's document key, or the ad-hoc key the uploader chose; also the document id in blob names.</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }

    public required DocumentProvider Provider { get; init; }

    /// <summary>Whether it comes from the template (its stage's exit criteria wait for it to be accepted).</summary>
    public bool FromTemplate { get; init; }

    public required DocumentStatus Status { get; init; }

    public IReadOnlyList<DocumentVersion> Versions { get; init; } = [];

    /// <summary>The reason of the latest rejection, until a new version is uploaded.</summary>
    public string? RejectionReason { get; init; }
}
