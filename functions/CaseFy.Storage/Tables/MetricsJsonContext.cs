using System.Text.Json.Serialization;
using CaseFy.Model.Metrics;

namespace CaseFy.Storage.Tables;

/// <summary>The stored JSON of the metric totals and cursors (rows of <see cref="CaseFyTables.Metrics"/>).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MetricsTotals))]
[JsonSerializable(typeof(CaseMetricsCursor))]
internal sealed partial class MetricsJsonContext : JsonSerializerContext;
