using Azure;
using CaseFy.Model.Cases;

namespace CaseFy.Storage.Tables;

/// <summary>
/// One version of a case row as stored: the case, the index partitions the row lists as ever given a copy, and the
/// row's ETag, which tells whether the row still holds this version when the index has been written from it.
/// </summary>
internal sealed record StoredCaseRow(CaseRecord Case, IReadOnlyList<string> IndexedIn, ETag ETag);
