using CaseFy.Application.Engine;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;

namespace CaseFy.Application.Cases;

/// <summary>Case use cases: every action is stored first, then the orchestration is told to look.</summary>
public sealed class CaseService(ICaseStore cases, ITemplateStore templates, TimeProvider time)
{
    // Longer than the engine normally needs to carry out an advance, even on a busy machine.
    private static readonly TimeSpan StalePendingAdvance = TimeSpan.FromSeconds(10);

    /// <summary>The store the service writes to (handlers read cases through it for access checks).</summary>
    public ICaseStore Store => cases;

    /// <summary>Opens a case on the newest version of its template and starts its orchestration.</summary>
    /// <returns>The new case, or <see langword="null"/> when the template does not exist.</returns>
    public async Task<CaseRecord?> OpenAsync(NewCase request, Actor actor, ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        var template = await templates.GetAsync(request.TemplateId!, version: null, cancellationToken);
        if (template is null)
        {
            return null;
        }

        var opened = CaseLifecycle.Open(CaseIds.New(), request.Title!, template, actor, time.GetUtcNow());
        await cases.CreateAsync(opened, cancellationToken);
        await engine.StartAsync(opened.Case.Id, cancellationToken);
        return opened.Case;
    }

    /// <summary>Records an advance request and signals the orchestration.</summary>
    /// <returns>The case, or <see langword="null"/> when it does not exist.</returns>
    /// <exception cref="CaseRuleException">The case cannot advance now.</exception>
    public async Task<CaseRecord?> RequestAdvanceAsync(
        string caseId, AdvanceCase request, Actor actor, ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        CaseRecord? updated;
        try
        {
            updated = await cases.UpdateAsync(
                caseId, c => CaseLifecycle.RequestAdvance(c, request.Reason, actor, time.GetUtcNow()), cancellationToken);
        }
        catch (CaseRuleException)
        {
            // An advance stored a while ago and still pending may have lost its signal (the process died between
            // storing and signalling) or its orchestration (a continue-as-new lost to a crash): a repeated request
            // repairs both. Everything is derived from the stored case, so a spare signal or restart is harmless.
            if (await cases.GetAsync(caseId, cancellationToken) is { PendingAdvance: { } pending } current
                && time.GetUtcNow() - pending.RequestedAt > StalePendingAdvance)
            {
                await engine.RepairAsync(caseId, current.CurrentStage.Index, cancellationToken);
            }

            throw;
        }

        if (updated is not null)
        {
            await engine.SignalAsync(caseId, "advance", cancellationToken);
        }

        return updated;
    }
}
