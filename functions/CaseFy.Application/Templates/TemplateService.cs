using CaseFy.Application.Cases;
using CaseFy.Model;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Templates;

/// <summary>Template use cases.</summary>
public sealed class TemplateService(ITemplateStore templates, TimeProvider time)
{
    /// <summary>Stores a validated draft as version 1 of a new template.</summary>
    public async Task<CaseTemplate> CreateAsync(TemplateDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        var template = TemplateRules.ToTemplate(draft, CaseIds.New(), actor, time.GetUtcNow());
        await templates.AddAsync(template, cancellationToken);
        return template;
    }
}
