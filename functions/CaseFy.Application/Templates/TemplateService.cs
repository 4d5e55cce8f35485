using CaseFy.Application.Cases;
using CaseFy.Model;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Templates;

/// <summary>Template use cases.</summary>
public sealed class TemplateService(ITemplateStore templates, TimeProvider time)
{
    /// <summary>Stores a validated draft as version 1 of a new template.</summary>
    /// <exception cref="TemplateValueTakenException">Another template has its prefix.</exception>
    public async Task<CaseTemplate> CreateAsync(TemplateDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        var template = TemplateRules.ToTemplate(draft, CaseIds.New(), actor, time.GetUtcNow());
        await ReserveUniqueValuesAsync(template, cancellationToken);
        await templates.AddAsync(template, cancellationToken);
        return template;
    }

    /// <summary>
    /// Stores a validated draft as version 1 of a template with a given id, unless it exists (seeding is idempotent).
    /// A sample whose prefix (or intake slug) another template took already is stored without it: seeding never fails on it.
    /// </summary>
    /// <returns><see langword="true"/> when it was stored now.</returns>
    public async Task<bool> CreateWithIdAsync(string id, TemplateDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Prefix is { } prefix && !await templates.ReservePrefixAsync(prefix, id, cancellationToken))
        {
            draft = draft with { Prefix = null };
        }

        if (draft.Intake?.Slug is { } slug && !await templates.ReserveIntakeSlugAsync(slug, id, cancellationToken))
        {
            draft = draft with { Intake = null };
        }

        return await templates.AddAsync(TemplateRules.ToTemplate(draft, id, actor, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Stores a validated draft as the next version, provided the newest is still <paramref name="expectedVersion"/>.</summary>
    /// <returns>The new version; <see langword="null"/> when there is no such template; the stale flag when another version won.</returns>
    /// <exception cref="TemplateValueTakenException">Another template has its prefix.</exception>
    public async Task<(CaseTemplate? Template, bool Stale)> UpdateAsync(
        string id, TemplateDraft draft, int expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        if (await templates.GetSummaryAsync(id, cancellationToken) is null)
        {
            return (null, false);
        }

        var template = TemplateRules.ToTemplate(draft, id, expectedVersion + 1, actor, time.GetUtcNow());
        await ReserveUniqueValuesAsync(template, cancellationToken);
        var stored = await templates.AddVersionAsync(template, expectedVersion, cancellationToken);
        return stored switch
        {
            null => (null, false),
            false => (null, true),
            true => (template, false),
        };
    }

    private async Task ReserveUniqueValuesAsync(CaseTemplate template, CancellationToken cancellationToken)
    {
        if (template.Prefix is { } prefix && !await templates.ReservePrefixAsync(prefix, template.Id, cancellationToken))
        {
            throw new TemplateValueTakenException("$.prefix", $"Another template uses the prefix '{prefix}': prefixes are unique, so case numbers are.");
        }

        if (template.Intake is { } intake && !await templates.ReserveIntakeSlugAsync(intake.Slug, template.Id, cancellationToken))
        {
            throw new TemplateValueTakenException("$.intake.slug", $"Another template uses the intake slug '{intake.Slug}': slugs are unique, so form addresses are.");
        }
    }

    public Task<TemplateSummary?> ArchiveAsync(string id, CancellationToken cancellationToken) =>
        templates.ArchiveAsync(id, time.GetUtcNow(), cancellationToken);
}
