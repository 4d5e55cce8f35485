using CaseFy.Application.Engine;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;

namespace CaseFy.Application.Cases;

/// <summary>Case use cases: every action is stored first, then the orchestration is told to look.</summary>
public sealed class CaseService(ICaseStore cases, ITemplateStore templates, TimeProvider time)
{
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
        var updated = await cases.UpdateAsync(
            caseId, c => CaseLifecycle.RequestAdvance(c, request.Reason, actor, time.GetUtcNow()), cancellationToken);
        if (updated is not null)
        {
            await engine.SignalAsync(caseId, "advance", cancellationToken);
        }

        return updated;
    }
}
