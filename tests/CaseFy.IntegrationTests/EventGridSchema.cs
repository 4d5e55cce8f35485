namespace CaseFy.IntegrationTests;

/// <summary>Event Grid schema events as Blob Storage sends them (shape from the Azure docs' BlobCreated sample).</summary>
internal static class EventGridSchema
{
    public static string BlobCreated(string url, string contentType = "application/pdf", long size = 524288) =>
        Event("Microsoft.Storage.BlobCreated", url, contentType, size);

    public static string Event(string type, string url, string contentType = "application/pdf", long size = 524288) => $$"""
        {
          "topic": "/subscriptions/xxx/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct",
          "subject": "/blobServices/default/containers/documents/blobs/x",
          "eventType": "{{type}}",
          "id": "{{Guid.NewGuid()}}",
          "data": {
            "api": "PutBlob",
            "requestId": "{{Guid.NewGuid()}}",
            "eTag": "0x8D4BCC2E4835CD0",
            "contentType": "{{contentType}}",
            "contentLength": {{size}},
            "blobType": "BlockBlob",
            "url": "{{url}}",
            "sequencer": "00000000000004420000000000028963",
            "storageDiagnostics": { "batchId": "b68529f3-68cd-4744-baa4-3c0498ec19f0" }
          },
          "dataVersion": "",
          "metadataVersion": "1",
          "eventTime": "2026-11-25T23:00:00Z"
        }
        """;
}
