using CaseFy.Orchestration;
using CaseFy.Orchestration.Orchestrators;
using CaseFy.Telemetry;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CaseFy.Application.Engine;

/// <summary>The Durable Task client behind <see cref="ICaseEngine"/>; the instance id is the case id.</summary>
public sealed class DurableCaseEngine(DurableTaskClient client) : ICaseEngine
{
    private const string ProbeInstanceId = "casefy-health-probe";

    // How long a repair waits in its request for a termination to take effect (a busy engine takes longer).
    private static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(10);

    public async Task StartAsync(string caseId, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartEngine("start", caseId);
        await ScheduleAsync(caseId, cancellationToken);
    }

    public async Task SignalAsync(string caseId, string action, int visit, bool started, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartEngine("signal", caseId);
        span?.SetTag(CaseFyTags.Signal, action);
        span?.SetTag(CaseFyTags.InstanceLookup, !started);
        if (!started && await client.GetInstanceAsync(caseId, getInputsAndOutputs: false, cancellationToken) is var instance
            && (instance is null || IsEnded(instance)))
        {
            // The start after the case was stored never happened (e.g. the engine was down), or the case was
            // reopened after its instance ended: start it now (under the same instance id); the orchestration reads
            // the stored facts, including this action.
            await ScheduleAsync(caseId, cancellationToken);
            return;
        }

        await client.RaiseEventAsync(caseId, CaseSignal.EventName, new CaseSignal(action, visit), cancellationToken);
    }

    public async Task RepairAsync(string caseId, DateTimeOffset waitingSince, TimeSpan patience, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartEngine("repair", caseId);
        // The stage comes from the stored case, not from the instance's generation (which counts stage visits): any
        // running instance can take the case on from where storage says it is, so a signal is the first remedy.
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: true, cancellationToken);
        var remedy = RepairRule.Decide(StateOf(instance), instance?.LastUpdatedAt ?? now, waitingSince, now, patience);
        span?.SetTag(CaseFyTags.Remedy, remedy.ToString());
        if (remedy == RepairRemedy.Signal)
        {
            await client.RaiseEventAsync(caseId, CaseSignal.EventName, new CaseSignal("repair"), cancellationToken);
            return;
        }

        if (remedy == RepairRemedy.Replace)
        {
            await client.TerminateInstanceAsync(caseId, "Not carrying out its case's stored work; replaced.", cancellationToken);
            if (!await WaitUntilEndedAsync(caseId, cancellationToken))
            {
                // The termination waits in the instance's queue: a later repair finds the instance ended and starts one.
                return;
            }
        }

        // Missing, ended or replaced: a new execution reads the case and carries on where storage says.
        var generation = instance?.ReadInputAs<CaseOrchestrationInput>()?.Generation + 1 ?? 0;
        await client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(CaseOrchestrator)),
            new CaseOrchestrationInput(caseId, generation),
            new StartOrchestrationOptions(InstanceId: caseId),
            cancellationToken);
    }

    public Task ProbeAsync(CancellationToken cancellationToken) =>
        client.GetInstanceAsync(ProbeInstanceId, getInputsAndOutputs: false, cancellationToken);

    private Task<string> ScheduleAsync(string caseId, CancellationToken cancellationToken) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(CaseOrchestrator)),
            new CaseOrchestrationInput(caseId, Generation: 0),
            new StartOrchestrationOptions(InstanceId: caseId),
            cancellationToken);

    // WaitForInstanceCompletionAsync polls every ~2 s on this backend; a termination is usually done much sooner.
    private async Task<bool> WaitUntilEndedAsync(string caseId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TerminationWait;
        while ((await client.GetInstanceAsync(caseId, getInputsAndOutputs: false, cancellationToken)) is { } instance && !IsEnded(instance))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100, cancellationToken);
        }

        return true;
    }

    private static EngineInstanceState StateOf(OrchestrationMetadata? instance) => instance switch
    {
        null => EngineInstanceState.Missing,
        { RuntimeStatus: OrchestrationRuntimeStatus.Suspended } => EngineInstanceState.Suspended,
        _ when IsEnded(instance) => EngineInstanceState.Ended,
        _ => EngineInstanceState.Running,
    };

    private static bool IsEnded(OrchestrationMetadata instance) =>
        instance.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
