using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Timeline;

/// <summary>Reads timelines back: chain verification.</summary>
public sealed class TimelineService(ICaseStore cases)
{
    /// <summary>
    /// Recomputes a case's hash chain from storage, streaming its entries, and compares the end of the chain with
    /// the length and head the case row records.
    /// </summary>
    /// <returns>The verdict, or <see langword="null"/> when there is no such case.</returns>
    public async Task<TimelineVerification?> VerifyAsync(string caseId, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var verifier = new TimelineVerifier(record.TimelineLength, record.TimelineHead);
        await using var entries = cases.ReadTimelineAsync(caseId, afterSeq: 0, beforeSeq: null, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        while (verifier.WantsMore)
        {
            try
            {
                if (!await entries.MoveNextAsync())
                {
                    break;
                }
            }
            catch (InvalidDataException)
            {
                verifier.AcceptUnreadable();
                break;
            }

            verifier.Accept(entries.Current);
        }

        if (verifier.FirstBrokenSeq is null && await HasEntryBeyondRecordedLengthAsync(entries, record.TimelineLength, caseId, cancellationToken) is long extra)
        {
            verifier.AcceptUnexpected(extra);
        }

        return verifier.Finish();
    }

    // An entry past the recorded length is either a concurrent append (the case row has moved on: fine) or one
    // written around CaseFy (the case row still ends before it).
    private async Task<long?> HasEntryBeyondRecordedLengthAsync(
        IAsyncEnumerator<TimelineEntry> entries, long recordedLength, string caseId, CancellationToken cancellationToken)
    {
        bool more;
        try
        {
            more = await entries.MoveNextAsync();
        }
        catch (InvalidDataException)
        {
            more = true;
        }

        if (!more)
        {
            return null;
        }

        var now = await cases.GetAsync(caseId, cancellationToken);
        return now is not null && now.TimelineLength == recordedLength ? recordedLength + 1 : null;
    }
}
