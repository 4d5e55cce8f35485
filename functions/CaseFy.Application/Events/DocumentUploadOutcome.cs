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

    /// <summary>There is no blob with this name (never uploaded, or removed): nothing recorded.</summary>
    Missing,

    /// <summary>The file is empty or larger than the document allows: the blob was removed.</summary>
    WrongSize,

    /// <summary>The file's stored content type is not one the document takes: the blob was removed.</summary>
    WrongType,

    /// <summary>
    /// The blob names no uploader the server signed and nobody who may upload confirmed it: nothing recorded (a
    /// person's upload is never put down to CaseFy itself).
    /// </summary>
    Unverified,
}
