namespace CaseFy.Application.Documents;

/// <summary>How storing and recording an uploaded file ended.</summary>
public enum FileUploadStatus
{
    /// <summary>Stored and recorded on the case.</summary>
    Recorded,

    /// <summary>The version was written by another upload at the same time: it was recorded instead; upload again.</summary>
    Raced,

    /// <summary>The file had no bytes; nothing is kept.</summary>
    Empty,

    /// <summary>The request carried more than one file; nothing is kept.</summary>
    NotOnlyFile,

    /// <summary>The case disappeared before the record; nothing is kept.</summary>
    CaseGone,
}
