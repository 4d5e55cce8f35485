using CaseFy.Model.Cases;

namespace CaseFy.Model.Timeline;

/// <summary>Appends chained entries to a case and keeps its timeline length and head in step.</summary>
internal sealed class TimelineWriter(CaseRecord start, DateTimeOffset now)
{
    private readonly List<TimelineEntry> _entries = [];
    private CaseRecord _case = start with { UpdatedAt = now };

    public TimelineWriter Append(string type, Actor actor, Dictionary<string, string> data, string? stage = null)
    {
        var seq = _case.TimelineLength + 1;
        var draft = new TimelineEntry(
            Id: $"{_case.Id}-{seq}",
            CaseId: _case.Id,
            Seq: seq,
            Type: type,
            At: now,
            Actor: actor,
            Stage: stage ?? _case.CurrentStage.Key,
            Data: data,
            PreviousHash: _case.TimelineHead,
            Hash: string.Empty);
        var entry = draft with { Hash = TimelineChain.ComputeHash(draft) };
        _entries.Add(entry);
        _case = _case with { TimelineLength = seq, TimelineHead = entry.Hash };
        return this;
    }

    public CaseChange ToChange() => new(_case, _entries);
}
