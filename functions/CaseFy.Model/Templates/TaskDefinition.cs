namespace CaseFy.Model.Templates;

/// <summary>A task a stage (or an automation) creates.</summary>
/// <param name="Key">Unique within its stage.</param>
/// <param name="Title">What to do.</param>
/// <param name="Assignee"><c>owner</c> (the case's owner) or the name of a participant role (e.g. <c>hr-partner</c>).</param>
/// <param name="DueInHours">Due this many hours after creation (fractions allowed); none when absent.</param>
/// <param name="Required">Whether the stage's exit criteria wait for it.</param>
public sealed record TaskDefinition(string Key, string Title, string Assignee, double? DueInHours, bool Required);
