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
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: false, cancellationToken);
        if (instance is not null && !IsEnded(instance))
        {
            return;
        }

        // A case reopened after its orchestration ended runs again under the same instance id.
        await client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(CaseOrchestrator)),
            new CaseOrchestrationInput(caseId, Generation: 0),
            new StartOrchestrationOptions(InstanceId: caseId),
            cancellationToken);
    }

    public async Task SignalAsync(string caseId, string action, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null || IsEnded(instance))
        {
            // The start after the case was stored never happened (e.g. the engine was down), or the case was
            // reopened: start it now; the orchestration reads the stored facts, including this action.
            await StartAsync(caseId, cancellationToken);
            return;
        }

        await client.RaiseEventAsync(caseId, CaseSignal.EventName, new CaseSignal(action), cancellationToken);
    }

    public async Task RepairAsync(string caseId, int stageIndex, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: true, cancellationToken);
        var generation = instance?.ReadInputAs<CaseOrchestrationInput>()?.Generation;
        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending } && generation >= stageIndex)
        {
            await client.RaiseEventAsync(caseId, CaseSignal.EventName, new CaseSignal("repair"), cancellationToken);
            return;
        }

        if (instance is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Suspended })
        {
            await client.TerminateInstanceAsync(caseId, "Behind its case's stored stage; replaced.", cancellationToken);
            await WaitUntilFinishedAsync(caseId, cancellationToken);
        }

        await client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(CaseOrchestrator)),
            new CaseOrchestrationInput(caseId, Generation: stageIndex),
            new StartOrchestrationOptions(InstanceId: caseId),
            cancellationToken);
    }

    public Task ProbeAsync(CancellationToken cancellationToken) =>
        client.GetInstanceAsync(ProbeInstanceId, getInputsAndOutputs: false, cancellationToken);

    // WaitForInstanceCompletionAsync polls every ~2 s on this backend; a termination is usually done much sooner.
    private async Task WaitUntilFinishedAsync(string caseId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await client.GetInstanceAsync(caseId, getInputsAndOutputs: false, timeout.Token))?.IsRunning == true)
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    private static bool IsEnded(OrchestrationMetadata instance) =>
        instance.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
