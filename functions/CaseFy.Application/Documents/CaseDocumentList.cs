namespace CaseFy.Application.Documents;

/// <summary>The answer of <c>GET /api/cases/{id}/documents</c>: every document of the case (at most <c>CaseLimits.MaxDocuments</c>).</summary>
public sealed record CaseDocumentList(IReadOnlyList<DocumentListItem> Documents);
