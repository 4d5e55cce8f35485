using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Cases;

/// <summary>Shape checks for case-work requests (tasks, decisions, moves, holds, closes, comments, messages) before anything is read.</summary>
public static class CaseWorkRules
{
    public static Dictionary<string, string[]> Validate(NewTask request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.RequireText(errors, "$.title", request.Title, TextRules.MaxNameLength);
        ValidateAssignee(errors, request.Assignee, request.Role);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(AssignTask request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        ValidateAssignee(errors, request.Assignee, request.Role);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(CompleteTask request) =>
        Optional("$.note", request?.Note);

    public static Dictionary<string, string[]> Validate(ReasonRequest request) =>
        Optional("$.reason", request?.Reason);

    public static Dictionary<string, string[]> Validate(RecordDecision request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        if (!TemplateKeys.IsKey(request.Option))
        {
            errors.Add("$.option", "Name one of the decision's option keys.");
        }

        TextRules.OptionalText(errors, "$.rationale", request.Rationale, TextRules.MaxReasonLength);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(MoveCase request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        if (!TemplateKeys.IsKey(request.Stage))
        {
            errors.Add("$.stage", "Name a stage key of the case's template.");
        }

        TextRules.RequireText(errors, "$.reason", request.Reason, TextRules.MaxReasonLength);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(CloseCase request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.RequireText(errors, "$.reason", request.Reason, TextRules.MaxReasonLength);
        if (request.Outcome is not null && !TemplateKeys.IsKey(request.Outcome))
        {
            errors.Add("$.outcome", "The outcome is a key: " + TemplateKeys.Rule);
        }

        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(NewComment request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.RequireText(errors, "$.text", request.Text, CaseLimits.MaxCommentLength);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(NewMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.RequireText(errors, "$.text", request.Text, PortalMessages.MaxTextLength);
        if (!CaseIds.IsWellFormed(request.LinkId))
        {
            errors.Add("$.linkId", "The id of one of the case's portal links (32 hex digits).");
        }

        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Validate(NewPortalMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.RequireText(errors, "$.text", request.Text, PortalMessages.MaxTextLength);
        return errors.ToDictionary();
    }

    /// <summary>A message sent with a file: its text may be left out, and is checked like any message's when given.</summary>
    public static Dictionary<string, string[]> ValidateWithFile(NewPortalMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.IsNullOrWhiteSpace(request.Text) ? new Dictionary<string, string[]>() : Validate(request);
    }

    private static Dictionary<string, string[]> Optional(string path, string? text)
    {
        var errors = new ValidationErrors();
        TextRules.OptionalText(errors, path, text, TextRules.MaxReasonLength);
        return errors.ToDictionary();
    }

    private static void ValidateAssignee(ValidationErrors errors, Actor? assignee, string? role)
    {
        if (assignee is not null && role is not null)
        {
            errors.Add("$.role", "Give either an assignee or a role, not both.");
        }

        if (assignee is not null)
        {
            TextRules.RequireText(errors, "$.assignee.id", assignee.Id, TextRules.MaxNameLength);
            TextRules.RequireText(errors, "$.assignee.name", assignee.Name, TextRules.MaxNameLength);
        }

        if (role is not null && !TemplateRules.IsRole(role))
        {
            errors.Add("$.role", "The role is 'owner' or a participant role key.");
        }
    }
}
