using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;

namespace CaseFy.Application.Reports;

/// <summary>
/// Builds a template's board from the board index, one read per stage of its partition (the template's open cases in
/// that stage): the newest few cases as cards, and the stage's count, read by key alone when there are more open
/// cases than cards. Closed cases, cases on hold and other templates' cases are never read, so the cost follows the
/// template's open cases, not the number of cases stored.
/// </summary>
public sealed class BoardService(ICaseStore cases, ITemplateStore templates)
{
    public const int DefaultCasesPerStage = 10;
    public const int MaxCasesPerStage = 50;

    // Stage partitions read at once (a template has up to 50 stages, and older versions may add some).
    private const int ParallelStageReads = 8;

    /// <returns>The board, or <see langword="null"/> when there is no such template.</returns>
    public async Task<CaseBoard?> BuildAsync(string templateId, int casesPerStage, CancellationToken cancellationToken)
    {
        var versions = await templates.ListVersionsAsync(templateId, cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }

        var template = versions[^1];
        var current = template.Stages.Select(s => s.Key).ToList();
        var keys = current.Concat(versions.SelectMany(v => v.Stages).Select(s => s.Key).Except(current, StringComparer.Ordinal)).ToList();
        var stages = new OpenCasesInStage[keys.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, keys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelStageReads, CancellationToken = cancellationToken },
            async (i, ct) => stages[i] = await cases.ReadOpenInStageAsync(templateId, keys[i], casesPerStage, ct));

        var columns = template.Stages.Select((stage, i) => Column(stage.Key, stage.Name, stages[i], template)).ToList();

        // A stage only older versions have is shown while it holds open cases, after the current ones, the stage
        // holding the newest case first, under the name its newest case carries.
        columns.AddRange(stages.Skip(current.Count).Where(s => s.Count > 0)
            .OrderByDescending(s => s.Newest[0].CreatedAt).ThenBy(s => s.Newest[0].Id, StringComparer.Ordinal)
            .Select(s => Column(s.Newest[0].CurrentStage.Key, s.Newest[0].CurrentStage.Name, s, template)));
        return new CaseBoard(template.Id, template.Version, template.Name, stages.Sum(s => s.Count), columns);
    }

    private static BoardColumn Column(string key, string name, OpenCasesInStage open, CaseTemplate template) =>
        new(key, name, open.Count, [.. open.Newest.Select(record => new BoardCard(
            record.Id, record.Title, CaseListing.OwnerId(record), CaseListing.OwnerName(record),
            CaseListing.IsOverdue(record), CaseListing.PendingTasks(record), record.CurrentStage.EnteredAt)
        { Number = record.Number, Fields = CaseListing.CardFields(record, template.CardFields) })]);
}
