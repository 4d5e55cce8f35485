using CaseFy.Model.Cases;
using CaseFy.Model.Timeline;

namespace CaseFy.Model.Ports;

/// <summary>Where cases and their timelines live. A case's state and the entries recording a change are written atomically.</summary>
public interface ICaseStore
{
    /// <summary>Stores a new case with its first timeline entries.</summary>
    /// <returns><see langword="false"/> when a case with that id already exists (nothing written).</returns>
    Task<bool> CreateAsync(CaseChange opened, CancellationToken cancellationToken);

    /// <summary>Reads a case, or <see langword="null"/> when there is none.</summary>
    Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a rule to the latest state of a case and stores the result atomically, retrying on a concurrent
    /// write. <paramref name="decide"/> may run more than once and returns <see langword="null"/> for "no change".
    /// </summary>
    /// <param name="caseId">The case to change.</param>
    /// <param name="decide">The rule: the change to store for the case as read, or <see langword="null"/> for none.</param>
    /// <param name="read">
    /// The case as the caller has just read it from this store, if it has: the rule is applied to it first, and the
    /// change stored only if the case is still that version (its <see cref="CaseRecord.StoreVersion"/>); otherwise, and
    /// when the rule refuses it or finds nothing to change, the store reads the case and decides again.
    /// </param>
    /// <param name="onStored">
    /// The caller's next step, if any, run with the case once its change is stored (or found to need none), at the same
    /// time as the eventually consistent index writes that follow a change; the call completes when both have.
    /// </param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The case after the update, or <see langword="null"/> when there is no such case.</returns>
    /// <exception cref="CaseRuleException">Thrown by <paramref name="decide"/>: nothing is written.</exception>
    Task<CaseRecord?> UpdateAsync(
        string caseId,
        Func<CaseRecord, CaseChange?> decide,
        CaseRecord? read,
        Func<CaseRecord, CancellationToken, Task>? onStored,
        CancellationToken cancellationToken);

    /// <summary>Reads timeline entries after <paramref name="afterSeq"/>, oldest first.</summary>
    Task<Page<TimelineEntry>> GetTimelineAsync(string caseId, long afterSeq, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the timeline entries with <paramref name="afterSeq"/> &lt; seq &lt; <paramref name="beforeSeq"/> (no upper
    /// bound when <see langword="null"/>), oldest first, reading storage a page at a time: memory stays flat however
    /// long the timeline is.
    /// </summary>
    /// <exception cref="InvalidDataException">An entry is stored but cannot be read.</exception>
    IAsyncEnumerable<TimelineEntry> ReadTimelineAsync(string caseId, long afterSeq, long? beforeSeq, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the cases matching <paramref name="filter"/>, newest first: every case, or with
    /// <paramref name="participantId"/> only the cases that person takes part in (read from their own index rows, so
    /// nothing about other cases is read at all). The title text is matched on the rows the
    /// other criteria select, reading at most a bounded number of rows per page: a page can then hold fewer items
    /// than asked (even none) and still carry a continuation token.
    /// </summary>
    /// <exception cref="FormatException">The continuation token is not one this store issued.</exception>
    Task<Page<CaseRecord>> FindAsync(CaseFilter filter, string? participantId, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// The open cases of a template in one stage, for its board: their number and the newest <paramref name="take"/>.
    /// Read from the board index, which holds a copy of each open case under its template and stage and is kept like the
    /// case list (eventually consistent): closed cases, cases on hold and other templates' or stages' cases are not read.
    /// </summary>
    Task<OpenCasesInStage> ReadOpenInStageAsync(string templateId, string stageKey, int take, CancellationToken cancellationToken);

    /// <summary>Streams every case matching <paramref name="filter"/>, newest first, for reports (reads all of them).</summary>
    IAsyncEnumerable<CaseRecord> ScanAsync(CaseFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the open tasks assigned to a person across cases. Read from an index the store updates right after
    /// each case change: eventually consistent (a crash between the two leaves it stale until the case's next change).
    /// </summary>
    /// <exception cref="FormatException">The continuation token is not one this store issued.</exception>
    Task<Page<TaskSummary>> ListOpenTasksAsync(string assigneeId, string? continuationToken, int pageSize, CancellationToken cancellationToken);
}
