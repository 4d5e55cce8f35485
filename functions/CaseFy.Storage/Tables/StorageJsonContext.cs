using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFy.Model.Cases;
using CaseFy.Model.Events;
using CaseFy.Model.Mail;
using CaseFy.Model.Metrics;
using CaseFy.Model.Notifications;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Storage.Tables;

/// <summary>
/// The JSON of every shape the tables keep (each row's <c>Data</c>), apart from the HTTP contract (the model's
/// CaseFyJsonContext and the API's own contexts), so an API change cannot change what is stored: its options are
/// fixed here, and StoredJsonGoldenTests pins what it writes for each entity kind. Stored rows are read as strictly as
/// they were written (unknown or duplicate members refused) so a row another version wrote is an error, not a silent loss.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    MaxDepth = 32)]
[JsonSerializable(typeof(CaseRecord))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(TaskSummary))]
[JsonSerializable(typeof(CaseTemplate))]
[JsonSerializable(typeof(TemplateSummary))]
[JsonSerializable(typeof(LifecycleEvent))]
[JsonSerializable(typeof(Notification))]
[JsonSerializable(typeof(MailDelivery))]
[JsonSerializable(typeof(MailOutcome))]
[JsonSerializable(typeof(MetricsTotals))]
[JsonSerializable(typeof(CaseMetricsCursor))]
public sealed partial class StorageJsonContext : JsonSerializerContext;
