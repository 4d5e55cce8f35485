using CaseFy.Model;
using CaseFy.Model.Cases;

namespace CaseFy.Application.Cases;

/// <summary>Shape checks for case requests, before anything is read or written.</summary>
public static class CaseRules
{
    public static Dictionary<string, string[]> Validate(NewCase request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        if (!CaseIds.IsWellFormed(request.TemplateId))
        {
            errors.Add("$.templateId", "A template id (32 hex digits) is required.");
        }

        TextRules.RequireText(errors, "$.title", request.Title, TextRules.MaxNameLength);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(AdvanceCase request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.OptionalText(errors, "$.reason", request.Reason, TextRules.MaxReasonLength);
        return errors.ToDictionary();
    }
}
