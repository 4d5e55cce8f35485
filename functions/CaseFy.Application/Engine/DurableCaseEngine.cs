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

    public async Task StartAsync(string caseId, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartEngine("start", caseId);
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
        using var span = CaseFyTelemetry.StartEngine("signal", caseId);
        span?.SetTag(CaseFyTags.Signal, action);
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

    public async Task RepairAsync(string caseId, DateTimeOffset waitingSince, TimeSpan patience, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var span = CaseFyTelemetry.StartEngine("repair", caseId);
        // The stage comes from the stored case, not from the instance's generation (which counts stage visits): any
        // running instance can take the case on from where storage says it is, so a signal is the first remedy.
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: true, cancellationToken);
        var running = instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending };

        // A running execution that already existed when the work was stored and has not carried it out, signals
        // notwithstanding, for longer than the patience is blocked (e.g. on an activity whose message a killed
        // process took with it): it is replaced. Its replacement started after the work, so it is only signalled.
        var blocked = running && instance!.CreatedAt < waitingSince && now - waitingSince > patience;
        if (running && !blocked)
        {
            await client.RaiseEventAsync(caseId, CaseSignal.EventName, new CaseSignal("repair"), cancellationToken);
            return;
        }

        if (instance is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Suspended })
        {
            await client.TerminateInstanceAsync(caseId, "Not carrying out its case's stored work; replaced.", cancellationToken);
            await WaitUntilFinishedAsync(caseId, cancellationToken);
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
