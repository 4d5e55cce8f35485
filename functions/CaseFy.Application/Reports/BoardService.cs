using CaseFy.Model.Cases;
using CaseFy.Model.Ports;

namespace CaseFy.Application.Reports;

/// <summary>
/// Builds a template's board from the case index: one filtered scan of the template's open cases (Table Storage
/// evaluates the filter, but still reads the index partition to do so), counting every case and keeping the newest
/// few per stage. Cost grows with the number of open cases of the template, not with timelines.
/// </summary>
public sealed class BoardService(ICaseStore cases, ITemplateStore templates)
{
    public const int DefaultCasesPerStage = 10;
    public const int MaxCasesPerStage = 50;

    /// <returns>The board, or <see langword="null"/> when there is no such template.</returns>
    public async Task<CaseBoard?> BuildAsync(string templateId, int casesPerStage, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(templateId, version: null, cancellationToken);
        if (template is null)
        {
            return null;
        }

        var columns = template.Stages.ToDictionary(s => s.Key, s => new Column(s.Key, s.Name), StringComparer.Ordinal);
        var order = template.Stages.Select(s => s.Key).ToList();
        var open = 0;
        await foreach (var record in cases.ScanAsync(new CaseFilter(TemplateId: templateId, Status: CaseStatus.Open), cancellationToken))
        {
            open++;
            var stage = record.CurrentStage;
            if (!columns.TryGetValue(stage.Key, out var column))
            {
                // A stage only an older version has: still shown, after the current ones.
                columns[stage.Key] = column = new Column(stage.Key, stage.Name);
                order.Add(stage.Key);
            }

            column.Count++;
            if (column.Cards.Count < casesPerStage)
            {
                column.Cards.Add(new BoardCard(
                    record.Id, record.Title, CaseListing.OwnerId(record), CaseListing.OwnerName(record),
                    CaseListing.IsOverdue(record), CaseListing.PendingTasks(record), stage.EnteredAt)
                { Number = record.Number, Fields = CaseListing.CardFields(record, template.CardFields) });
            }
        }

        return new CaseBoard(
            template.Id, template.Version, template.Name, open,
            [.. order.Select(key => columns[key]).Select(c => new BoardColumn(c.Key, c.Name, c.Count, c.Cards))]);
    }

    private sealed class Column(string key, string name)
    {
        public string Key { get; } = key;

        public string Name { get; } = name;

        public int Count { get; set; }

        public List<BoardCard> Cards { get; } = [];
    }
}
