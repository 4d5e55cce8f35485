namespace CaseFy.Model;

/// <summary>One page of a longer list; pass <paramref name="ContinuationToken"/> back to read the next page.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page, in list order.</param>
/// <param name="ContinuationToken">Where the next page starts, or <see langword="null"/> on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
