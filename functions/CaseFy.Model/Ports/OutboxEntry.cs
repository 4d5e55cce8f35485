using CaseFy.Model.Timeline;

namespace CaseFy.Model.Ports;

/// <summary>
/// A due lifecycle entry as the outbox read it, with what releasing it to the feed needs, so the release does not read
/// the outbox again.
/// </summary>
/// <param name="Entry">The timeline entry.</param>
/// <param name="FeedPosition">The feed position the entry was given when first released (a retry reuses it), or <see langword="null"/> when never released.</param>
/// <param name="Version">The store's version of the outbox row as read (an ETag): a release writes the position only if nobody changed the row since.</param>
public sealed record OutboxEntry(TimelineEntry Entry, string? FeedPosition, string Version);
