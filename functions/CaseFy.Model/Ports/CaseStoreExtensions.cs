using CaseFy.Model.Cases;

namespace CaseFy.Model.Ports;

/// <summary>The short forms of <see cref="ICaseStore"/> calls, for the callers that need none of their options.</summary>
public static class CaseStoreExtensions
{
    /// <summary>
    /// Applies a rule to the latest state of a case, read from the store, and stores the result atomically: see
    /// <see cref="ICaseStore.UpdateAsync(string, Func{CaseRecord, CaseChange?}, CaseRecord?, Func{CaseRecord, CancellationToken, Task}?, CancellationToken)"/>.
    /// </summary>
    /// <returns>The case after the update, or <see langword="null"/> when there is no such case.</returns>
    public static Task<CaseRecord?> UpdateAsync(
        this ICaseStore store, string caseId, Func<CaseRecord, CaseChange?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.UpdateAsync(caseId, decide, read: null, onStored: null, cancellationToken);
    }
}
