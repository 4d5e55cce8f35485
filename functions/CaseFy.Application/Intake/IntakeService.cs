using CaseFy.Application.Cases;
using CaseFy.Application.Engine;
using CaseFy.Application.Portal;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Intake;
using CaseFy.Model.Portal;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Intake;

/// <summary>
/// The public intake form: describing it and opening a case from a submission. A form is open while the newest
/// version of its template enables it at that slug and the template is not archived; each request reads both afresh
/// (the newest version is never cached), so a new version with <c>enabled: false</c> closes the form at once.
/// </summary>
public sealed class IntakeService(ICaseStore cases, ITemplateStore templates, PortalTokenMinter tokens, TimeProvider time)
{
    /// <summary>What the submitter's link allows: follow the case, and answer what the team asks of them.</summary>
    public static readonly IReadOnlyList<PortalAction> LinkActions = [PortalAction.View, PortalAction.Upload, PortalAction.Answer, PortalAction.Message];

    /// <summary>The template whose form is open at <paramref name="slug"/>, or <see langword="null"/> (unknown, closed, archived alike).</summary>
    public async Task<CaseTemplate?> FindOpenAsync(string slug, CancellationToken cancellationToken)
    {
        if (!IntakeSlugs.IsSlug(slug) || await templates.FindIntakeSlugAsync(slug, cancellationToken) is not { } templateId)
        {
            return null;
        }

        var template = await templates.GetAsync(templateId, version: null, cancellationToken);
        if (template is null || !IntakeRules.IsOpen(template, slug))
        {
            return null;
        }

        return (await templates.GetSummaryAsync(templateId, cancellationToken))?.Status == TemplateStatus.Archived ? null : template;
    }

    /// <summary>The form of an open template.</summary>
    public static IntakeForm Describe(CaseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var intake = template.Intake!;
        var fields = intake.Fields.Select(key => template.Fields.First(f => f.Key == key)).Select(f => PortalField.Of(f, f.Required)).ToList();
        return new IntakeForm(template.Name, template.Description, fields, intake.AllowedEmailDomains);
    }

    /// <summary>
    /// Opens the case of a valid submission (see <see cref="IntakeRules.Validate"/>) with its portal link, in one
    /// write, and starts its orchestration.
    /// </summary>
    /// <returns>The case and the link's token (shown once).</returns>
    public async Task<(CaseRecord Case, PortalLink Link, string Token)> SubmitAsync(
        CaseTemplate template, IntakeSubmission submission, ICaseEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(engine);
        var now = time.GetUtcNow();
        var caseId = CaseIds.New();
        var linkId = CaseIds.New();
        var token = tokens.TokenOf(caseId, linkId);
        var link = new PortalLink(
            Id: linkId,
            Name: TextRules.WithoutBidiControls(submission.Name!.Trim()),
            Email: submission.Email,
            Actions: [.. LinkActions],
            TokenHash: PortalTokens.Hash(token),
            CreatedAt: now,
            CreatedBy: Actor.System,
            ExpiresAt: now.AddDays(PortalLinkRules.DefaultExpiryDays),
            RevokedAt: null,
            UseRecordedAt: null);

        // The version's author enabled the form, so its cases are theirs until they hand them over.
        var number = template.Prefix is { } prefix
            ? CaseNumbers.Format(prefix, await templates.NextCaseNumberAsync(template.Id, cancellationToken))
            : null;
        var opened = IntakeRules.Open(caseId, template, submission, link, template.CreatedBy, now, number);
        await cases.CreateAsync(opened, cancellationToken);
        await engine.StartAsync(caseId, cancellationToken);
        return (opened.Case, link, token);
    }
}
