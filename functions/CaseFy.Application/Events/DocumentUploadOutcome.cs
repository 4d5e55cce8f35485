namespace CaseFy.Application.Events;

/// <summary>What recording an uploaded blob did.</summary>
public enum DocumentUploadOutcome
{
    /// <summary>A new document version is on the case.</summary>
    Recorded,

    /// <summary>This blob was recorded before (a repeated event): nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>No such case, or the case cannot take the document: nothing recorded.</summary>
    NotAccepted,

    /// <summary>The file broke the template's size or content-type limits: the blob was removed.</summary>
    Rejected,
}
