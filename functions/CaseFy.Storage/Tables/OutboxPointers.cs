using Azure;
using Azure.Data.Tables;
using CaseFy.Model.Mail;
using CaseFy.Model.Notifications;
using CaseFy.Model.Timeline;

namespace CaseFy.Storage.Tables;

/// <summary>
/// The per-case "something is due" pointers in the outbox table. Table Storage cannot query "every partition with a
/// marker" cheaply, so the pointer is the index the publisher reads; it is written after the case transaction.
/// </summary>
internal static class OutboxPointers
{
    public const string Partition = "pending";
    public const string DueProperty = "Due";
    public const string NotBeforeProperty = "NotBefore";
    public const string FailedAttemptsProperty = "FailedAttempts";

    /// <summary>
    /// Touches the case's pointer when the change appended lifecycle entries or entries that notify or mail someone (the
    /// publisher hands each case it claims to the notifications inbox and the mail outbox too). A merge keeps a publisher's claim
    /// but changes the ETag, which is how a publisher finishing at the same moment learns not to forget the case.
    /// </summary>
    public static async Task TouchAsync(CaseFyTables tables, IReadOnlyList<TimelineEntry> entries, CancellationToken cancellationToken)
    {
        var lifecycle = entries.FirstOrDefault(entry => LifecycleEntryTypes.IsLifecycle(entry.Type) || NotificationRules.EntryTypes.Contains(entry.Type)
            || OutsideMailRules.EntryTypes.Contains(entry.Type));
        if (lifecycle is null)
        {
            return;
        }

        try
        {
            await TouchAsync(tables, lifecycle.CaseId, cancellationToken);
        }
        catch (RequestFailedException)
        {
            // The change is stored and its markers with it; the outbox sweep writes the missing pointer.
        }
    }

    public static Task TouchAsync(CaseFyTables tables, string caseId, CancellationToken cancellationToken) =>
        tables.Outbox.UpsertEntityAsync(
            new TableEntity(Partition, caseId) { [DueProperty] = true },
            TableUpdateMode.Merge,
            cancellationToken);
}
