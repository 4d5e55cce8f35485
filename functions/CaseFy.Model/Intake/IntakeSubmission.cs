using System.Text.Json;

namespace CaseFy.Model.Intake;

/// <summary>What someone submits on a template's public intake form; checked by <see cref="IntakeRules"/>.</summary>
/// <param name="Name">The submitter's name, shown on the timeline (as given: nobody verified it).</param>
/// <param name="Email">Their e-mail address, kept on their portal link (as given: nobody verified it).</param>
/// <param name="Data">The values of the form's fields, checked as case data is.</param>
public sealed record IntakeSubmission(string? Name, string? Email, Dictionary<string, JsonElement>? Data)
{
    /// <summary>
    /// The honeypot: the portal's form hides this input from people (and assistive technology), so only a robot fills
    /// it. A submission with any value here is refused (400) and nothing is written.
    /// </summary>
    public string? Website { get; init; }
}
