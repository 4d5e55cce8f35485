namespace CaseFy.Model.Events;

/// <summary>A page of the events feed.</summary>
/// <param name="Items">Events in feed order.</param>
/// <param name="Cursor">Pass it back as <c>after</c> to read what follows; it is returned even when the page is empty.</param>
public sealed record EventFeedPage(IReadOnlyList<LifecycleEvent> Items, string Cursor);
