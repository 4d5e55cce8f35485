using System.Globalization;
using CaseFy.Model;
using CaseFy.Model.Ports;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Timeline;

/// <summary>
/// Reads the entries of a case's timeline that a filter keeps, newest first in pages and oldest first within one,
/// with a bounded read: whatever the timeline's length, the first page holds the newest kept entries, and each
/// continuation token (the seq to read on before) leads to older ones. The external view's public timeline and the
/// portal links' conversations are read this way.
/// </summary>
public static class NewestEntriesReader
{
    /// <summary>
    /// The most timeline entries one page reads, kept or not: a page of a long case with few kept entries may hold
    /// fewer items than asked, even none, and still carry a continuation token.
    /// </summary>
    public const int MaxEntriesReadPerPage = 2_000;

    // The timeline is read newest first in windows of this many entries (seq is dense: a window is a key range).
    private const int TimelineWindow = 100;

    /// <summary>Reads a page of what <paramref name="keep"/> makes of the entries (null: left out).</summary>
    /// <param name="cases">The store.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="timelineLength">The case's timeline length when read.</param>
    /// <param name="before">Read entries older than this seq (a continuation token); the newest when <see langword="null"/>.</param>
    /// <param name="count">The most items the page holds.</param>
    /// <param name="keep">The item an entry gives, or <see langword="null"/> to leave it out.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<Page<T>> ReadAsync<T>(
        ICaseStore cases, string caseId, long timelineLength, long? before, int count, Func<TimelineEntry, T?> keep, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(keep);
        var newestFirst = new List<T>();
        var next = Math.Min(before ?? long.MaxValue, timelineLength + 1);
        var budget = MaxEntriesReadPerPage;
        while (next > 1 && newestFirst.Count < count && budget > 0)
        {
            var after = Math.Max(0, next - 1 - Math.Min(TimelineWindow, budget));
            var window = new List<(long Seq, T Item)>();
            await foreach (var entry in cases.ReadTimelineAsync(caseId, after, next, cancellationToken))
            {
                if (keep(entry) is { } item)
                {
                    window.Add((entry.Seq, item));
                }
            }

            budget -= (int)(next - 1 - after);
            next = after + 1;
            foreach (var (seq, item) in Enumerable.Reverse(window))
            {
                if (newestFirst.Count == count)
                {
                    // The page is full inside this window: the next page starts with this entry.
                    next = seq + 1;
                    break;
                }

                newestFirst.Add(item);
            }
        }

        newestFirst.Reverse();
        return new Page<T>(newestFirst, next > 1 ? next.ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>Reads a continuation token of <see cref="ReadAsync"/>: the seq to read on before.</summary>
    public static bool TryReadContinuation(string? token, out long? before)
    {
        before = null;
        if (token is null)
        {
            return true;
        }

        if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1)
        {
            return false;
        }

        before = seq;
        return true;
    }
}
