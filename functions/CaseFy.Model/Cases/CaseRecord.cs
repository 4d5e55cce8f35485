using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFy.Model.Access;
using CaseFy.Model.Portal;

namespace CaseFy.Model.Cases;

/// <summary>
/// The current state of one case; its history is the timeline. Tasks, documents (metadata) and decisions live in
/// this record, stored as one row: a case holds tens of them (bounded by <see cref="CaseLimits"/>), one row means one
/// ETag guards every rule that spans them (exit criteria read tasks, documents and decisions together), and the
/// store splits the JSON over several properties, so the 64 KiB property limit does not apply (the 1 MiB row does).
/// </summary>
public sealed record CaseRecord
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The case's number in its template (<c>ONB-0042</c>); <see langword="null"/> when the template has no prefix.</summary>
    public string? Number { get; init; }

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

    /// <summary>When the case was put on hold; <see langword="null"/> unless it is on hold. Resuming shifts due times by the time held.</summary>
    public DateTimeOffset? HeldSince { get; init; }

    /// <summary>How the case was closed (<c>completed</c>, a decision's outcome, or the reason's outcome of an early close).</summary>
    public string? Outcome { get; init; }

    /// <summary>The stage's SLA is breached or an open task is past due.</summary>
    public bool Overdue { get; init; }

    /// <summary>The values of the template's fields, by key (JSON as it was sent); a field without a value is absent.</summary>
    public IReadOnlyDictionary<string, JsonElement> Data { get; init; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    public IReadOnlyList<CaseTask> Tasks { get; init; } = [];

    public IReadOnlyList<CaseDocument> Documents { get; init; } = [];

    public IReadOnlyList<CaseDecision> Decisions { get; init; } = [];

    /// <summary>The number of the newest task (task ids are <c>t1</c>, <c>t2</c>…).</summary>
    public int TaskCounter { get; init; }

    /// <summary>The sequence number of the newest timeline entry.</summary>
    public required long TimelineLength { get; init; }

    /// <summary>The hash of the newest timeline entry: the next entry chains to it.</summary>
    public required string TimelineHead { get; init; }

    /// <summary>The internal people taking part, with their case role; exactly one owner (the creator, at first).</summary>
    public IReadOnlyList<CaseParticipant> Participants { get; init; } = [];

    /// <summary>The external parties' portal links (only a hash of each token is kept).</summary>
    public IReadOnlyList<PortalLink> PortalLinks { get; init; } = [];

    /// <summary>
    /// Which stored version of the case this is, as the store that read or wrote it wrote it down: opaque to everything
    /// but that store, which updates a case it is handed without reading it first while this still matches (a stale one
    /// costs that read, nothing else). Not part of the case's data: never serialized.
    /// </summary>
    [JsonIgnore]
    public string? StoreVersion { get; init; }
}
