namespace CaseFy.Model.Templates;

/// <summary>A document a stage requires.</summary>
/// <param name="Key">Unique within the template; also the document's id on a case.</param>
/// <param name="Name">What people see.</param>
/// <param name="Provider">Who uploads it.</param>
/// <param name="ContentTypes">The accepted media types (e.g. <c>application/pdf</c>).</param>
/// <param name="MaxBytes">The largest accepted file.</param>
public sealed record DocumentRequirement(
    string Key, string Name, DocumentProvider Provider, IReadOnlyList<string> ContentTypes, long MaxBytes);
