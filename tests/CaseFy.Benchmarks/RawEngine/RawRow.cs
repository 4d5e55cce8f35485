namespace CaseFy.Benchmarks.RawEngine;

/// <summary>One table row the raw orchestration writes: partition = instance id, row = what happened.</summary>
public sealed record RawRow(string PartitionKey, string RowKey);
