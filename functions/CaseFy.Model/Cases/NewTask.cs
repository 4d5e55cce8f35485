namespace CaseFy.Model.Cases;

/// <summary>What a client submits to add a task by hand.</summary>
/// <param name="Title">What to do.</param>
/// <param name="Assignee">A person; or give <paramref name="Role"/>.</param>
/// <param name="Role"><c>owner</c> or a participant role.</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="Required">Whether the current stage's exit criteria wait for it (default no).</param>
public sealed record NewTask(string? Title, Actor? Assignee, string? Role, DateTimeOffset? DueAt, bool? Required);
