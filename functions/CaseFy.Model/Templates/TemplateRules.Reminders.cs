using System.Globalization;

namespace CaseFy.Model.Templates;

/// <summary>The rules of a template's reminder lead times.</summary>
public static partial class TemplateRules
{
    /// <summary>30 days: a reminder further ahead than that is no longer "due soon".</summary>
    public const double MaxReminderLeadHours = 24 * 30;

    private static void ValidateReminders(ValidationErrors errors, RemindersDraft? reminders)
    {
        ValidateLead(errors, "$.reminders.taskLeadHours", reminders?.TaskLeadHours);
        ValidateLead(errors, "$.reminders.slaLeadHours", reminders?.SlaLeadHours);
    }

    private static void ValidateLead(ValidationErrors errors, string path, double? hours)
    {
        if (hours is { } value && !(value > 0 && value <= MaxReminderLeadHours))
        {
            errors.Add(path, string.Create(
                CultureInfo.InvariantCulture, $"A reminder lead time is more than 0 and at most {MaxReminderLeadHours} hours (fractions allowed)."));
        }
    }

    // No lead time at all is the same as no reminders: nothing is stored.
    private static ReminderSettings? ToReminders(RemindersDraft? reminders) =>
        reminders is { TaskLeadHours: null, SlaLeadHours: null } or null ? null : new(reminders.TaskLeadHours, reminders.SlaLeadHours);
}
