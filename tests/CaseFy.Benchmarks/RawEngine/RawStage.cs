namespace CaseFy.Benchmarks.RawEngine;

/// <summary>The input of one generation of <see cref="RawStageOrchestrator"/>.</summary>
public sealed record RawStage(string Id, int Stage, int StageCount);
