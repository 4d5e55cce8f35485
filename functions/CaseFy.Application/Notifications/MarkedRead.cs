namespace CaseFy.Application.Notifications;

/// <summary>The answer of <c>POST /api/notifications/read-all</c>.</summary>
/// <param name="Marked">How many unread notifications were marked read.</param>
public sealed record MarkedRead(int Marked);
