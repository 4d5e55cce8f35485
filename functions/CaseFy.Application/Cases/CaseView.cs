using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Cases;

/// <summary>What the case page shows first, in one answer: the case and a page of its timeline, as of one version.</summary>
/// <param name="Case">The case, as <c>GET /api/cases/{id}</c> answers it (the answer's ETag is this case's).</param>
/// <param name="Timeline">
/// Entries after the seq asked for, oldest first, none past the case's <c>timelineLength</c>; its continuation token
/// (a seq, read on with <c>GET /api/cases/{id}/timeline</c>) is there while entries up to that length remain.
/// </param>
public sealed record CaseView(CaseRecord Case, Page<TimelineEntry> Timeline);
