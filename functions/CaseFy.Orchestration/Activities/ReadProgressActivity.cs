using CaseFy.Model.Ports;
using Microsoft.DurableTask;

namespace CaseFy.Orchestration.Activities;

/// <summary>Reads where a case stands, after a signal: the stored facts, not the signal, decide what happens.</summary>
public sealed class ReadProgressActivity(ICaseStore cases) : TaskActivity<string, CaseProgress>
{
    /// <inheritdoc/>
    public override async Task<CaseProgress> RunAsync(TaskActivityContext context, string input)
    {
        var current = await cases.GetAsync(input, CancellationToken.None) ?? throw CaseMissingException.For(input);
        return CaseProgress.Of(current);
    }
}
