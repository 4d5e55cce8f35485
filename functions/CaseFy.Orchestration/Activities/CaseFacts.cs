using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;

namespace CaseFy.Orchestration.Activities;

/// <summary>Reads a case with the template version it runs on; every activity starts here.</summary>
public static class CaseFacts
{
    public static async Task<(CaseRecord Case, CaseTemplate Template)> ReadAsync(ICaseStore cases, ITemplateStore templates, string caseId)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(templates);
        var current = await cases.GetAsync(caseId, CancellationToken.None) ?? throw CaseMissingException.For(caseId);
        var template = await templates.GetAsync(current.TemplateId, current.TemplateVersion, CancellationToken.None)
            ?? throw new InvalidOperationException($"Template {current.TemplateId} v{current.TemplateVersion} is missing.");
        return (current, template);
    }
}
