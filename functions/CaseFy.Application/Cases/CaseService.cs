using CaseFy.Application.Engine;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Cases;

/// <summary>Case use cases: every action is stored first, then the orchestration is told to look.</summary>
public sealed class CaseService(ICaseStore cases, ITemplateStore templates, TimeProvider time)
{
    // Longer than the engine normally needs to carry out an advance, even on a busy machine.
    private static readonly TimeSpan StalePendingAdvance = TimeSpan.FromSeconds(10);

    // An execution that has not taken a turn for this long while a stored advance waited as long, signals
    // notwithstanding, is replaced (see RepairRule). Activities whose answers were lost are failed and retried
    // sooner (Durable:LostActivityAfter), so this is the last resort; on a loaded machine a queue can be minutes long.
    private static readonly TimeSpan StuckPendingAdvance = TimeSpan.FromMinutes(5);

    // A stage is entered by the orchestration a moment after the case arrives in it (a new case, an advance, a move):
    // an advance asked for meanwhile waits this long for the entry instead of being refused as "stage:entering".
    private static readonly TimeSpan StageEntryWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StageEntryPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>The store the service writes to (handlers read cases through it for access checks).</summary>
    public ICaseStore Store => cases;

    /// <summary>Opens a case on the newest version of its template and starts its orchestration.</summary>
    /// <returns>The new case, or <see langword="null"/> when the template does not exist.</returns>
    /// <exception cref="CaseRuleException">The template is archived.</exception>
    /// <exception cref="CaseDataException">The initial data breaks the template's field rules.</exception>
    public async Task<CaseRecord?> OpenAsync(NewCase request, Actor actor, ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        var template = await templates.GetAsync(request.TemplateId!, version: null, cancellationToken);
        if (template is null)
        {
            return null;
        }

        if ((await templates.GetSummaryAsync(template.Id, cancellationToken))?.Status == TemplateStatus.Archived)
        {
            throw new CaseRuleException("The template is archived: it takes no new cases.");
        }

        // Data is checked before a number is taken, so a refused request does not use one up.
        if (request.Data is { Count: > 0 } data && CaseData.Validate(data, template, template.Stages[0], FieldEditor.Team) is { Count: > 0 } errors)
        {
            throw new CaseDataException(errors);
        }

        var number = template.Prefix is { } prefix
            ? CaseNumbers.Format(prefix, await templates.NextCaseNumberAsync(template.Id, cancellationToken))
            : null;
        var opened = CaseLifecycle.Open(CaseIds.New(), request.Title!, template, actor, time.GetUtcNow(), request.Data, number);
        await cases.CreateAsync(opened, cancellationToken);
        await engine.StartAsync(opened.Case.Id, cancellationToken);
        return opened.Case;
    }

    /// <summary>
    /// Advances the case and signals the orchestration: carried out by this request when the engine has nothing to run in
    /// the stage first (see <see cref="StageEvaluation.Advance"/>), else recorded for the orchestration to carry out.
    /// </summary>
    /// <returns>The case, or <see langword="null"/> when it does not exist.</returns>
    /// <exception cref="CaseRuleException">The case cannot advance now.</exception>
    public async Task<CaseRecord?> RequestAdvanceAsync(
        string caseId, AdvanceCase request, Actor actor, ICaseEngine engine, CaseRecord? read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        var current = await WaitForStageEntryAsync(caseId, request.FromStage, read, cancellationToken);
        try
        {
            return await ActAsync(
                caseId, "advance", (c, t, now) => StageEvaluation.Advance(c, t, request.Reason, actor, now, request.FromStage), engine, current, cancellationToken);
        }
        catch (CaseRuleException)
        {
            // An advance stored a while ago and still pending may have lost its signal (the process died between
            // storing and signalling) or its orchestration: a repeated request repairs both. Everything is derived
            // from the stored case, so a spare signal or restart is harmless.
            var now = time.GetUtcNow();
            if (await cases.GetAsync(caseId, cancellationToken) is { PendingAdvance: { } pending }
                && now - pending.RequestedAt > StalePendingAdvance)
            {
                await engine.RepairAsync(caseId, pending.RequestedAt, StuckPendingAdvance, now, cancellationToken);
            }

            throw;
        }
    }

    /// <summary>
    /// Waits (up to <see cref="StageEntryWait"/>) while the case is open in a stage the orchestration has not entered yet,
    /// or is still leaving a stage when the requester means to advance from another one, so an advance right after the
    /// case was opened or moved on is judged on the entered stage. After the wait the rules decide as usual (a stage
    /// still not entered then is refused: the engine is not keeping up). Starts from <paramref name="read"/> when the
    /// caller has just read the case; returns the case as last read.
    /// </summary>
    private async Task<CaseRecord?> WaitForStageEntryAsync(string caseId, string? fromStage, CaseRecord? read, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + StageEntryWait;
        var current = read ?? await cases.GetAsync(caseId, cancellationToken);
        while (current is { Status: CaseStatus.Open }
            && (current.CurrentStage.EnteredAt is null
                || (fromStage is not null && current.PendingAdvance is not null && fromStage != current.CurrentStage.Key))
            && time.GetUtcNow() < deadline)
        {
            await Task.Delay(StageEntryPoll, time, cancellationToken);
            current = await cases.GetAsync(caseId, cancellationToken);
        }

        return current;
    }

    /// <summary>
    /// Applies one case-work rule to the latest state of a case (with the template version it runs on), stores the
    /// result with its timeline entries atomically, then signals the orchestration to look again (without waiting for
    /// the case index's copies, which the store writes meanwhile). A caller that has just
    /// read the case (e.g. for the access check) passes it as <c>read</c> to spare a read here, and the store then
    /// spares its own: the rule is applied to it and stored only if it is still the stored version (else the store reads
    /// the case and applies the rule again), so the rule always decides on the latest stored state.
    /// </summary>
    /// <returns>The case after the action, or <see langword="null"/> when it does not exist.</returns>
    /// <exception cref="CaseRuleException">The case's state forbids the action: nothing is written.</exception>
    /// <exception cref="CaseItemMissingException">The action names a task, document, option or stage the case does not have.</exception>
    public async Task<CaseRecord?> ActAsync(
        string caseId,
        string action,
        Func<CaseRecord, CaseTemplate, DateTimeOffset, CaseChange?> rule,
        ICaseEngine engine,
        CaseRecord? read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(engine);
        var before = read ?? await cases.GetAsync(caseId, cancellationToken);
        if (before is null)
        {
            return null;
        }

        var template = await templates.GetAsync(before.TemplateId, before.TemplateVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Template {before.TemplateId} v{before.TemplateVersion} is missing.");

        // The signal goes out once the change is stored, while the store still writes the case's list copies
        // (eventually consistent); the call returns when both are done. A closed case's orchestration has nothing to do
        // until a reopen, which signals it (and starts it again should it have ended): a change that closes the case or
        // leaves it closed tells it nothing (a timer still pending in it finds the case closed and waits).
        return await cases.UpdateAsync(
            caseId,
            c => rule(c, template, time.GetUtcNow()),
            read: before,
            onStored: (updated, token) => updated.Status == CaseStatus.Closed
                ? Task.CompletedTask
                : engine.SignalAsync(caseId, action, updated.CurrentStage.Visit, ProvesOrchestrationRuns(before), token),
            cancellationToken);
    }

    /// <summary>
    /// Whether the stored case proves its orchestration runs, so the signal needs no instance lookup first. A case's
    /// first stage is entered only by its orchestration's activity, and the instance does not end by itself while its
    /// case is open (it continues as new into each next stage): an open case read in an entered stage has a running
    /// instance, whatever the action does next (an advance or a move begins a new visit: the instance continues as new
    /// into it). A case not entered yet may have lost its start, and a closed case's instance may have ended: those are
    /// looked up and started when missing or ended. An instance that failed or was terminated after its stage was
    /// entered is started again by the repair of a stale pending advance.
    /// </summary>
    private static bool ProvesOrchestrationRuns(CaseRecord before) =>
        before.Status == CaseStatus.Open && before.CurrentStage.EnteredAt is not null;
}
