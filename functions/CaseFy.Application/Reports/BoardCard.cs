namespace CaseFy.Application.Reports;

/// <summary>One case on a board.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Title">The case title.</param>
/// <param name="Owner">The owner's actor id.</param>
/// <param name="OwnerName">The owner's display name.</param>
/// <param name="Overdue">A breached SLA or a task past due.</param>
/// <param name="PendingTasks">Open tasks, when the case model tracks tasks.</param>
/// <param name="EnteredAt">When the case entered its current stage.</param>
public sealed record BoardCard(string Id, string Title, string Owner, string OwnerName, bool Overdue, int? PendingTasks, DateTimeOffset? EnteredAt)
{
    /// <summary>The case number (<c>ONB-0042</c>), when its template has a prefix.</summary>
    public string? Number { get; init; }

    /// <summary>The values of the template's <c>cardFields</c> that the case has, by key, in the template's order.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement> Fields { get; init; } = new Dictionary<string, System.Text.Json.JsonElement>();
}
