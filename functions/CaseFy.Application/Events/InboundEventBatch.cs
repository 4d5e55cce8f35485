using System.Globalization;
using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace CaseFy.Application.Events;

/// <summary>
/// What an Event Grid delivery to the inbound webhook asks for: a subscription validation code to echo, and the
/// document blobs created. Both schemas are read: Event Grid's own and CloudEvents 1.0 (array or single event).
/// </summary>
/// <param name="ValidationCode">The code of a <c>SubscriptionValidationEvent</c> (Event Grid schema), if any.</param>
/// <param name="Uploads">The BlobCreated events for document blobs of the configured container, in delivery order.</param>
public sealed record InboundEventBatch(string? ValidationCode, IReadOnlyList<BlobCreatedNotice> Uploads)
{
    /// <summary>Parses a delivery.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="documentsContainer">The container whose blobs are case documents; other containers are ignored.</param>
    /// <exception cref="FormatException">The body is not an Event Grid or CloudEvents delivery.</exception>
    public static InboundEventBatch Parse(BinaryData body, string documentsContainer)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return IsCloudEvents(body) ? FromCloudEvents(body, documentsContainer) : FromEventGridEvents(body, documentsContainer);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException("Not an Event Grid delivery.", ex);
        }
    }

    private static bool IsCloudEvents(BinaryData body)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
        {
            throw new JsonException("A delivery is an event or an array of events.");
        }

        var first = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().FirstOrDefault()
            : document.RootElement;
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("specversion", out _);
    }

    private static InboundEventBatch FromEventGridEvents(BinaryData body, string container)
    {
        string? code = null;
        var uploads = new List<BlobCreatedNotice>();
        foreach (var gridEvent in EventGridEvent.ParseMany(body))
        {
            if (!gridEvent.TryGetSystemEventData(out var data))
            {
                continue;
            }

            if (data is SubscriptionValidationEventData validation)
            {
                code = validation.ValidationCode;
            }
            else if (data is StorageBlobCreatedEventData created && ToNotice(created, container) is { } notice)
            {
                uploads.Add(notice);
            }
        }

        return new InboundEventBatch(code, uploads);
    }

    private static InboundEventBatch FromCloudEvents(BinaryData body, string container)
    {
        var uploads = new List<BlobCreatedNotice>();
        foreach (var cloudEvent in CloudEvent.ParseMany(body))
        {
            if (cloudEvent.TryGetSystemEventData(out var data) && data is StorageBlobCreatedEventData created
                && ToNotice(created, container) is { } notice)
            {
                uploads.Add(notice);
            }
        }

        // The CloudEvents schema validates subscriptions with the OPTIONS handshake, never with an event.
        return new InboundEventBatch(null, uploads);
    }

    /// <summary>The notice for a blob named <c>{container}/{caseId}/{documentKey}/{version}</c>; null for any other blob.</summary>
    private static BlobCreatedNotice? ToNotice(StorageBlobCreatedEventData created, string container)
    {
        if (!Uri.TryCreate(created.Url, UriKind.Absolute, out var url))
        {
            return null;
        }

        // Path-style URLs (Azurite) carry the account first: take the last four segments.
        var segments = url.AbsolutePath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length < 4 || segments[^4] != container)
        {
            return null;
        }

        var (caseId, key, versionText) = (segments[^3], segments[^2], segments[^1]);
        if (!Cases.CaseIds.IsWellFormed(caseId) || key.Length is 0 or > 64
            || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_')
            || !int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            return null;
        }

        return new BlobCreatedNotice(
            caseId, key, version, $"{caseId}/{key}/{versionText}", created.ContentType ?? "application/octet-stream", created.ContentLength ?? 0);
    }
}
