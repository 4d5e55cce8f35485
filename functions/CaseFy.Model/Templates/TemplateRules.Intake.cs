using System.Text.RegularExpressions;

namespace CaseFy.Model.Templates;

/// <summary>The rules of a template's public intake form.</summary>
public static partial class TemplateRules
{
    public const int MaxIntakeEmailDomains = 20;

    public const string EmailDomainRule = "A domain name in lowercase, like example.com.";

    private static void ValidateIntake(ValidationErrors errors, IntakeDraft? intake, Dictionary<string, FieldDraft> fields)
    {
        if (intake is null)
        {
            return;
        }

        if (intake.Enabled is null)
        {
            errors.Add("$.intake.enabled", "Say whether the form takes submissions: true or false.");
        }

        if (!IntakeSlugs.IsSlug(intake.Slug))
        {
            errors.Add("$.intake.slug", IntakeSlugs.Rule);
        }

        // The outside party fills the form, so it may ask only for fields they may fill.
        ValidateFieldKeys(errors, "$.intake.fields", intake.Fields, fields, WhyNotExternal);
        if (intake.AllowedEmailDomains is { Count: > MaxIntakeEmailDomains })
        {
            errors.Add("$.intake.allowedEmailDomains", $"At most {MaxIntakeEmailDomains} domains.");
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            ValidateList(errors, "$.intake.allowedEmailDomains", intake.AllowedEmailDomains, MaxIntakeEmailDomains, (p, domain) =>
            {
                if (!IsEmailDomain(domain))
                {
                    errors.Add(p, EmailDomainRule);
                }
                else if (!seen.Add(domain))
                {
                    errors.Add(p, $"The domain '{domain}' is listed twice.");
                }
            });
        }
    }

    private static IntakeDefinition? ToIntake(IntakeDraft? intake) => intake is null
        ? null
        : new IntakeDefinition(intake.Enabled!.Value, intake.Slug!, [.. (intake.Fields ?? []).Select(k => k!)])
        {
            AllowedEmailDomains = [.. (intake.AllowedEmailDomains ?? []).Select(d => d!)],
        };

    /// <summary>Whether a value is a lowercase domain name (<c>example.com</c>).</summary>
    public static bool IsEmailDomain(string? value) => value is { Length: <= 253 } && EmailDomainPattern().IsMatch(value);

    [GeneratedRegex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailDomainPattern();
}
