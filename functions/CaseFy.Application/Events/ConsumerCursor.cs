using System.Collections.Concurrent;
using CaseFy.Model.Timeline;

namespace CaseFy.Application.Events;

/// <summary>
/// A lifecycle consumer's per-case cursor (how far it has handled the case's timeline), stored only when that matters:
/// when a batch holds entries the consumer acts on, or starts before the batch's due entries (the stored cursor is
/// behind). A run of entries it does nothing for (a stage change, for the inbox) moves only this process's copy, so
/// the case's next batch reads and writes no cursor. Handling such entries again does nothing, which makes a stored
/// cursor left behind safe: after a restart or on another instance it is read, the entries since are handled again
/// (nothing to do) and it is written. Before acting on entries from its copy, the consumer reads the stored cursor
/// again, so entries another instance acted on meanwhile are not handled twice.
/// </summary>
/// <param name="read">Reads the stored cursor of a case (0: none).</param>
/// <param name="write">Stores the cursor of a case.</param>
/// <param name="actsOn">Whether the consumer does anything for an entry.</param>
public sealed class ConsumerCursor(
    Func<string, CancellationToken, Task<long>> read,
    Func<string, long, CancellationToken, Task> write,
    Func<TimelineEntry, bool> actsOn)
{
    /// <summary>Cases whose position this process keeps; past it, it starts again empty (a forgotten case's cursor is read).</summary>
    public const int MaxCases = 10_000;

    private readonly ConcurrentDictionary<string, Position> _positions = new(StringComparer.Ordinal);

    /// <summary>Where the consumer's next batch of the case starts: after this process's copy when it reaches the due entries, else after the stored cursor.</summary>
    public async Task<long> StartAsync(string caseId, IReadOnlyList<TimelineEntry> due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        if (due.Count > 0 && _positions.TryGetValue(caseId, out var known) && known.Seq >= due.Min(entry => entry.Seq) - 1)
        {
            Keep(caseId, known with { JustRead = false });
            return known.Seq;
        }

        var stored = await read(caseId, cancellationToken);
        Keep(caseId, new Position(stored, JustRead: true));
        return stored;
    }

    /// <summary>
    /// Hands the entries of <paramref name="needed"/> to <paramref name="act"/> (from the stored cursor when another
    /// instance moved it further meanwhile), then moves the cursor to the range's end, storing it when it matters.
    /// </summary>
    /// <returns>The last entry handled.</returns>
    public async Task<long> HandleAsync(
        LifecycleBatch batch, TimelineRange needed, Func<IReadOnlyList<TimelineEntry>, Task> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(needed);
        ArgumentNullException.ThrowIfNull(act);
        var caseId = batch.Case.Id;
        var entries = batch.Within(needed);
        var from = needed.AfterSeq;
        var upTo = needed.BeforeSeq - 1;
        var acts = entries.Any(actsOn);
        if (acts || IsBehind(batch.Due, from))
        {
            if (acts && !(_positions.TryGetValue(caseId, out var known) && known.JustRead && known.Seq == from))
            {
                from = Math.Max(from, await read(caseId, cancellationToken));
            }

            if (from < upTo)
            {
                await act([.. entries.Where(entry => entry.Seq > from)]);
                await write(caseId, upTo, cancellationToken);
            }
        }

        var handled = Math.Max(from, upTo);
        Keep(caseId, new Position(handled, JustRead: false));
        return handled;
    }

    // A batch with no due entries, or whose range starts before them: the stored cursor is behind, store it.
    private static bool IsBehind(IReadOnlyList<TimelineEntry> due, long from) => due.Count == 0 || from < due.Min(entry => entry.Seq) - 1;

    private void Keep(string caseId, Position position)
    {
        if (_positions.Count >= MaxCases)
        {
            _positions.Clear();
        }

        _positions[caseId] = position;
    }

    // Handled up to Seq; JustRead: Seq is the stored cursor, read for the batch in hand.
    private sealed record Position(long Seq, bool JustRead);
}
