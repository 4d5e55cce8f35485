namespace CaseFy.Model.Cases;

/// <summary>The current state of one case; its history is the timeline.</summary>
public sealed record CaseRecord
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string TemplateId { get; init; }

    public required int TemplateVersion { get; init; }

    public required CaseStatus Status { get; init; }

    public required CurrentStage CurrentStage { get; init; }

    /// <summary>An advance asked for but not yet carried out by the orchestration.</summary>
    public AdvanceRequest? PendingAdvance { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required Actor CreatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The sequence number of the newest timeline entry.</summary>
    public required long TimelineLength { get; init; }

    /// <summary>The hash of the newest timeline entry: the next entry chains to it.</summary>
    public required string TimelineHead { get; init; }
}
