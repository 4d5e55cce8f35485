using System.Globalization;
using System.Text.Json;
using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using CaseFy.Model.Templates;

namespace CaseFy.Model.Intake;

/// <summary>The rules of a public intake submission: what it must hold, and the case it opens.</summary>
public static class IntakeRules
{
    /// <summary>The <c>CaseCreated</c> entry's mark of a case opened from the intake form by an unverified outsider.</summary>
    public const string SourceKey = "source";
    public const string SourceValue = "intake";
    public const string SlugKey = "intakeSlug";
    public const string VerifiedKey = "submitterVerified";

    /// <summary>Whether a template takes intake submissions at <paramref name="slug"/> now.</summary>
    public static bool IsOpen(CaseTemplate template, string slug)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Intake is { Enabled: true } intake && intake.Slug == slug;
    }

    /// <summary>Checks a submission against the template's intake form.</summary>
    /// <returns>The errors by JSON path; empty when it is valid.</returns>
    public static Dictionary<string, string[]> Validate(IntakeSubmission submission, CaseTemplate template)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(template);
        var intake = template.Intake ?? throw new ArgumentException("The template has no intake form.", nameof(template));
        var errors = new ValidationErrors();
        if (!string.IsNullOrEmpty(submission.Website))
        {
            // A person never sees this input: only a robot fills it.
            errors.Add("$.website", "Leave this field empty.");
            return errors.ToDictionary();
        }

        TextRules.RequireText(errors, "$.name", submission.Name, TextRules.MaxNameLength);
        if (!EmailAddresses.IsValid(submission.Email))
        {
            errors.Add("$.email", "An email address like name@example.com.");
        }
        else if (intake.AllowedEmailDomains.Count > 0 && !intake.AllowedEmailDomains.Contains(EmailAddresses.DomainOf(submission.Email!)))
        {
            errors.Add("$.email", "This form takes e-mail addresses of these domains only: " + string.Join(", ", intake.AllowedEmailDomains) + ".");
        }

        var data = submission.Data ?? [];
        foreach (var (path, messages) in CaseData.Validate(data, template, template.Stages[0], FieldEditor.Intake))
        {
            foreach (var message in messages)
            {
                errors.Add(path, message);
            }
        }

        foreach (var field in template.Fields.Where(f => f.Required && intake.Fields.Contains(f.Key)))
        {
            if (!data.TryGetValue(field.Key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                errors.Add("$." + field.Key, "This field is required.");
            }
        }

        return errors.ToDictionary();
    }

    /// <summary>
    /// Opens the case of a valid submission in one change: created by the submitter (acting as their portal link, an
    /// outsider nobody verified), owned by <paramref name="owner"/>, with the form's data and the submitter's link.
    /// </summary>
    public static CaseChange Open(
        string caseId, CaseTemplate template, IntakeSubmission submission, PortalLink link, Actor owner, DateTimeOffset now, string? number)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(link);
        var submitter = link.AsActor();
        var details = new Dictionary<string, string>
        {
            [SourceKey] = SourceValue,
            [SlugKey] = template.Intake!.Slug,
            [VerifiedKey] = bool.FalseString.ToLower(CultureInfo.InvariantCulture),
        };
        var opened = CaseLifecycle.Open(caseId, link.Name, template, submitter, now, data: null, number, owner, details);
        var writer = new Timeline.TimelineWriter(opened.Case, now);
        if (submission.Data is { Count: > 0 } data)
        {
            CaseData.Record(writer, template, data, submitter);
        }

        var withData = writer.ToChange();
        var linked = PortalLinkRules.Create(withData.Case, link, Actor.System, now);
        return new CaseChange(linked.Case, [.. opened.Entries, .. withData.Entries, .. linked.Entries]);
    }
}
