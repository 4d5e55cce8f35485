using CaseFy.Model.Cases;

namespace CaseFy.Model.Timeline;

/// <summary>Appends chained entries to a case and keeps its timeline length, head and derived flags in step.</summary>
internal sealed class TimelineWriter(CaseRecord start, DateTimeOffset now)
{
    private readonly List<TimelineEntry> _entries = [];
    private CaseRecord _case = start with { UpdatedAt = now };

    public CaseRecord Case => _case;

    public DateTimeOffset Now => now;

    public bool HasEntries => _entries.Count > 0;

    public TimelineWriter Update(Func<CaseRecord, CaseRecord> change)
    {
        _case = change(_case);
        return this;
    }

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

    // "Overdue" is derived here, on the one path every change takes, so no rule can forget it.
    public CaseChange ToChange() => new(
        _case with
        {
            Overdue = _case.Status != CaseStatus.Closed
                && (_case.CurrentStage.SlaBreached || _case.Tasks.Any(t => t.Status == CaseTaskStatus.Open && t.Overdue)),
        },
        _entries);
}
