using CaseFy.Model;

namespace CaseFy.Application.Cases;

// HTTP request bodies of the case work routes: the API's contracts, kept out of the pure model (issue 16).

/// <summary>Assign a task to a person (<paramref name="Assignee"/>) or to whoever holds a role (<paramref name="Role"/>); neither unassigns.</summary>
public sealed record AssignTask(Actor? Assignee, string? Role);

/// <summary>Set (or, with <see langword="null"/>, clear) a task's due time.</summary>
public sealed record SetTaskDue(DateTimeOffset? DueAt);

/// <summary>Complete a task, optionally with a note.</summary>
public sealed record CompleteTask(string? Note);

/// <summary>An action whose only input is an optional (or, where a rule says so, mandatory) reason.</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary>Record the current stage's decision.</summary>
public sealed record RecordDecision(string? Option, string? Rationale);

/// <summary>Move a case to any stage of its template; the reason is mandatory.</summary>
public sealed record MoveCase(string? Stage, string? Reason);

/// <summary>Close a case early; the reason is mandatory, the outcome a key (default <c>closed-early</c>).</summary>
public sealed record CloseCase(string? Reason, string? Outcome);

/// <summary>An internal comment.</summary>
public sealed record NewComment(string? Text);

/// <summary>Ask for a URL to upload a document version straight to Blob Storage: the file as the client will send it.</summary>
/// <param name="FileName">The file's name (kept as sanitised metadata; never part of the blob name).</param>
/// <param name="ContentType">The media type the client will send the file with.</param>
/// <param name="Size">The file's size in bytes.</param>
public sealed record DirectUploadRequest(string? FileName, string? ContentType, long? Size);
