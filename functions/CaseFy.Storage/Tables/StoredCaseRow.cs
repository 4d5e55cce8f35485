using Azure;
using CaseFy.Model.Cases;

namespace CaseFy.Storage.Tables;

/// <summary>
/// One version of a case row as stored: the case, the index partitions the row lists as possibly holding a copy, and the
/// row's ETag, which tells whether the row still holds this version. The case carries the last two as its
/// <see cref="CaseRecord.StoreVersion"/>, so the store can update a case it is handed back without reading it first.
/// </summary>
internal sealed record StoredCaseRow
{
    private StoredCaseRow(CaseRecord record, IReadOnlyList<string> indexedIn, ETag etag)
    {
        Case = record;
        IndexedIn = indexedIn;
        ETag = etag;
    }

    /// <summary>The case, with its <see cref="CaseRecord.StoreVersion"/> naming this version.</summary>
    public CaseRecord Case { get; }

    public IReadOnlyList<string> IndexedIn { get; }

    public ETag ETag { get; }

    public static StoredCaseRow Of(CaseRecord record, IReadOnlyList<string> indexedIn, ETag etag)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(indexedIn);
        return new(record with { StoreVersion = $"{etag}\n{string.Join(' ', indexedIn)}" }, indexedIn, etag);
    }

    /// <summary>The version a case handed back to the store names, or <see langword="null"/> when it names none.</summary>
    public static StoredCaseRow? Named(CaseRecord? record) =>
        record?.StoreVersion?.Split('\n', 2) is [var etag, var indexedIn]
            ? new(record, indexedIn.Split(' ', StringSplitOptions.RemoveEmptyEntries), new ETag(etag))
            : null;
}
