using System.Globalization;
using CaseFy.Application.Cases;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Timeline;

/// <summary>Reads timelines back: pages in either direction, streamed exports, chain verification.</summary>
public sealed class TimelineService(ICaseStore cases)
{
    /// <summary>The store the timelines are read from (handlers read the case through it for access checks).</summary>
    public ICaseStore Store => cases;

    /// <summary>Reads one page of a case's timeline.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="direction">Oldest or newest first.</param>
    /// <param name="cursor">The previous page's continuation token (a seq): forward pages start after it, backward pages before it.</param>
    /// <param name="pageSize">At most this many entries.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The page, or <see langword="null"/> when there is no such case.</returns>
    public async Task<Page<TimelineEntry>?> GetPageAsync(
        string caseId, TimelineDirection direction, long? cursor, int pageSize, CancellationToken cancellationToken)
    {
        if (direction == TimelineDirection.Forward)
        {
            // Every case has at least its creation entry, so entries prove the case exists: the case row is read
            // only for an empty page (one storage read less per page, measured in docs/PERFORMANCE.md).
            var page = await cases.GetTimelineAsync(caseId, cursor ?? 0, pageSize, cancellationToken);
            return page.Items.Count > 0 || await cases.GetAsync(caseId, cancellationToken) is not null ? page : null;
        }

        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        // Seqs run 1..length without gaps, so the page before a seq is a key range: no scan from the start.
        var before = Math.Min(cursor ?? long.MaxValue, record.TimelineLength + 1);
        var after = Math.Max(0, before - pageSize - 1);
        var items = new List<TimelineEntry>(pageSize);
        await foreach (var entry in cases.ReadTimelineAsync(caseId, after, before, cancellationToken))
        {
            items.Add(entry);
        }

        items.Reverse();
        return new Page<TimelineEntry>(items, after > 0 ? (after + 1).ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>
    /// A case and the forward page of its timeline after <paramref name="afterSeq"/>, as of one version of the case: the
    /// case row and the page are read at once, and entries appended after the case row was read are left out.
    /// </summary>
    /// <param name="caseId">The case.</param>
    /// <param name="afterSeq">The page starts after this seq (0: from the start).</param>
    /// <param name="pageSize">At most this many entries.</param>
    /// <param name="readCase">Reads the case and decides access: the case, or <see langword="null"/> when it is refused
    /// (the page read alongside is then dropped unseen).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The view, or <see langword="null"/> when <paramref name="readCase"/> gave no case.</returns>
    public async Task<CaseView?> ViewAsync(
        string caseId, long afterSeq, int pageSize, Func<Task<CaseRecord?>> readCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readCase);
        var pageRead = cases.GetTimelineAsync(caseId, afterSeq, pageSize, cancellationToken);
        CaseRecord? record;
        try
        {
            record = await readCase();
        }
        finally
        {
            // Finished (and its failure observed) whatever happens to the case read.
            await ((Task)pageRead).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (record is null)
        {
            return null;
        }

        var items = (await pageRead).Items.Where(e => e.Seq <= record.TimelineLength).ToList();
        var last = items.Count > 0 ? items[^1].Seq : afterSeq;
        var token = last < record.TimelineLength ? last.ToString(CultureInfo.InvariantCulture) : null;
        return new CaseView(record, new Page<TimelineEntry>(items, token));
    }

    /// <summary>
    /// The case as it stood at <paramref name="asOf"/>: its entries up to the first one recorded after that moment,
    /// folded by <see cref="CaseHistory"/>. Reading stops there, so an early moment reads only the start of the timeline.
    /// </summary>
    /// <returns><see langword="null"/> when the case was opened after <paramref name="asOf"/>.</returns>
    public async Task<CaseRecord?> AsOfAsync(CaseRecord current, CaseTemplate template, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var entries = new List<TimelineEntry>();
        await foreach (var entry in cases.ReadTimelineAsync(current.Id, afterSeq: 0, beforeSeq: current.TimelineLength + 1, cancellationToken))
        {
            if (entry.At > asOf)
            {
                break;
            }

            entries.Add(entry);
        }

        return CaseHistory.Fold(entries, template);
    }

    /// <summary>
    /// The entries of a case as they stand now (up to its current length, so entries appended meanwhile do not
    /// join halfway), streamed oldest first; <see langword="null"/> when there is no such case.
    /// </summary>
    public async Task<IAsyncEnumerable<TimelineEntry>?> SnapshotAsync(string caseId, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(caseId, cancellationToken);
        return record is null ? null : cases.ReadTimelineAsync(caseId, afterSeq: 0, beforeSeq: record.TimelineLength + 1, cancellationToken);
    }

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
