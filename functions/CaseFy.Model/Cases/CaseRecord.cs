using CaseFy.Model.Access;
using CaseFy.Model.Portal;

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

    /// <summary>The internal people taking part, with their case role; exactly one owner (the creator, at first).</summary>
    public IReadOnlyList<CaseParticipant> Participants { get; init; } = [];

    /// <summary>The external parties' portal links (only a hash of each token is kept).</summary>
    public IReadOnlyList<PortalLink> PortalLinks { get; init; } = [];
}
