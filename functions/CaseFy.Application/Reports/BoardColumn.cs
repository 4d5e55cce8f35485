namespace CaseFy.Application.Reports;

/// <summary>One stage on a board.</summary>
/// <param name="Key">The stage key.</param>
/// <param name="Name">The stage name.</param>
/// <param name="Count">Open cases in this stage.</param>
/// <param name="Cases">The newest of them, at most the number asked for.</param>
public sealed record BoardColumn(string Key, string Name, int Count, IReadOnlyList<BoardCard> Cases);
