namespace CaseFy.Application.Reports;

/// <summary>A template's board: its open cases by stage.</summary>
/// <param name="TemplateId">The template.</param>
/// <param name="TemplateVersion">The version whose stages are the columns (the newest).</param>
/// <param name="Name">The template's name.</param>
/// <param name="OpenCases">Open cases of the template, on any version.</param>
/// <param name="Stages">One column per stage of the newest version, then any stage only older versions have.</param>
public sealed record CaseBoard(string TemplateId, int TemplateVersion, string Name, int OpenCases, IReadOnlyList<BoardColumn> Stages);
