using CaseFy.Model.Cases;

namespace CaseFy.Application.Documents;

/// <summary>The outcome of <see cref="DocumentUploadService.UploadAsync"/>: the case after the record, when recorded.</summary>
public sealed record FileUploadResult(FileUploadStatus Status, CaseRecord? Case = null);
