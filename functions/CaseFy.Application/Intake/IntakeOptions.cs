using System.ComponentModel.DataAnnotations;

namespace CaseFy.Application.Intake;

/// <summary>The public intake form's limits (section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>Intake requests (reading a form or submitting one) per minute from one client address.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerAddressPerMinute { get; set; } = 20;

    /// <summary>Submissions per minute to one form, from everyone together.</summary>
    [Range(1, 1_000_000)]
    public int SubmissionsPerFormPerMinute { get; set; } = 60;
}
