namespace CaseFy.Model.Cases;

/// <summary>Which cases a list or board wants; every field left <see langword="null"/> matches all.</summary>
/// <param name="TemplateId">Cases of this template (any version).</param>
/// <param name="Status">Cases with this status.</param>
/// <param name="Stage">Cases whose current stage has this key.</param>
/// <param name="Owner">Cases this person (actor id) owns.</param>
/// <param name="Overdue">Overdue cases (<see langword="true"/>) or cases that are not (<see langword="false"/>).</param>
/// <param name="TitleContains">Cases whose title or number contains this text, ignoring case.</param>
/// <param name="Number">The case with this number (<c>ONB-0042</c>).</param>
/// <param name="Fields">Cases whose field values meet these conditions.</param>
public sealed record CaseFilter(
    string? TemplateId = null,
    CaseStatus? Status = null,
    string? Stage = null,
    string? Owner = null,
    bool? Overdue = null,
    string? TitleContains = null,
    string? Number = null,
    FieldFilter? Fields = null)
{
    /// <summary>Matches every case.</summary>
    public static CaseFilter All { get; } = new();
}
