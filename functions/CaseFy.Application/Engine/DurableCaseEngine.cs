using CaseFy.Orchestration;
using CaseFy.Orchestration.Orchestrators;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CaseFy.Application.Engine;

/// <summary>The Durable Task client behind <see cref="ICaseEngine"/>; the instance id is the case id.</summary>
public sealed class DurableCaseEngine(DurableTaskClient client) : ICaseEngine
{
    private const string ProbeInstanceId = "casefy-health-probe";

    public async Task StartAsync(string caseId, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(caseId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return;
        }

        await client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(CaseOrchestrator)),
            new CaseOrchestrationInput(caseId, Generation: 0),
            new StartOrchestrationOptions(InstanceId: caseId),
            cancellationToken);
    }

    public async Task SignalAsync(string caseId, string action, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            // The start after the case was stored never happened (e.g. the engine was down): start it now;
            // the orchestration reads the stored facts, including this action.
            await StartAsync(caseId, cancellationToken);
            return;
        }

        await client.RaiseEventAsync(caseId, CaseSignal.EventName, new CaseSignal(action), cancellationToken);
    }

    public Task ProbeAsync(CancellationToken cancellationToken) =>
        client.GetInstanceAsync(ProbeInstanceId, getInputsAndOutputs: false, cancellationToken);
}
