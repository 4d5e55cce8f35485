namespace CaseFy.Application.Notifications;

/// <summary>The answer of <c>GET /api/notifications/count</c>.</summary>
/// <param name="Unread">How many of the caller's notifications are unread.</param>
public sealed record UnreadCount(int Unread);
