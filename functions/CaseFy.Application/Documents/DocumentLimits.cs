namespace CaseFy.Application.Documents;

/// <summary>What a document takes: its file types (<see langword="null"/>: any) and its largest file in bytes.</summary>
public sealed record DocumentLimits(IReadOnlyList<string>? ContentTypes, long MaxBytes);
