using Azure.Data.Tables;
using CaseFy.Model.Cases;

namespace CaseFy.Storage.Tables;

/// <summary>
/// The case index's queryable columns and the OData filters over them. Every value from a caller goes through
/// <see cref="TableClient.CreateQueryFilter(FormattableString)"/>, which quotes and escapes it: no filter text is
/// ever concatenated from user input.
/// </summary>
internal static class CaseIndexQuery
{
    public const string TemplateId = nameof(TemplateId);
    public const string Status = nameof(Status);
    public const string Stage = nameof(Stage);
    public const string Owner = nameof(Owner);
    public const string Overdue = nameof(Overdue);
    public const string TitleLower = nameof(TitleLower);
    public const string Number = nameof(Number);

    /// <summary>Adds the filterable columns to an index row.</summary>
    public static TableEntity WithColumns(TableEntity row, CaseRecord record)
    {
        row[TemplateId] = record.TemplateId;
        row[Status] = record.Status.ToString();
        row[Stage] = record.CurrentStage.Key;
        row[Owner] = CaseListing.OwnerId(record);
        row[Overdue] = CaseListing.IsOverdue(record);
        row[TitleLower] = CaseListing.SearchableTitle(record.Title);
        row[Number] = record.Number;
        return row;
    }

    /// <summary>
    /// The server-side part of <paramref name="filter"/>: every field but the title text, which Table Storage
    /// cannot match (it has no "contains"); <see cref="MatchesTitle"/> checks that on the rows returned.
    /// </summary>
    public static string Filter(string partition, string afterRowKey, CaseFilter filter)
    {
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {afterRowKey}") };
        if (filter.TemplateId is { } templateId)
        {
            clauses.Add(TableClient.CreateQueryFilter($"TemplateId eq {templateId}"));
        }

        if (filter.Status is { } status)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        }

        if (filter.Stage is { } stage)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Stage eq {stage}"));
        }

        if (filter.Owner is { } owner)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Owner eq {owner}"));
        }

        if (filter.Overdue is { } overdue)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Overdue eq {overdue}"));
        }

        if (filter.Number is { } number)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Number eq {number}"));
        }

        return string.Join(" and ", clauses);
    }

    /// <summary>Whether the row's title or number contains the filter's text, ignoring case.</summary>
    public static bool MatchesTitle(TableEntity row, CaseFilter filter) =>
        filter.TitleContains is not { } text
        || (row.GetString(TitleLower) ?? string.Empty).Contains(CaseListing.SearchableTitle(text), StringComparison.Ordinal)
        || CaseListing.SearchableTitle(row.GetString(Number) ?? string.Empty).Contains(CaseListing.SearchableTitle(text), StringComparison.Ordinal);
}
