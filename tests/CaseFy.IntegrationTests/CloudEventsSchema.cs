namespace CaseFy.IntegrationTests;

/// <summary>CloudEvents 1.0 schema events as Blob Storage sends them to a subscription using that schema.</summary>
internal static class CloudEventsSchema
{
    public static string BlobCreated(string url, string contentType = "application/pdf", long size = 524288) => $$"""
        {
          "source": "/subscriptions/xxx/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct",
          "subject": "/blobServices/default/containers/documents/blobs/x",
          "type": "Microsoft.Storage.BlobCreated",
          "time": "2026-11-25T23:00:00Z",
          "id": "{{Guid.NewGuid()}}",
          "data": {
            "api": "PutBlob",
            "requestId": "{{Guid.NewGuid()}}",
            "eTag": "0x8D4BCC2E4835CD0",
            "contentType": "{{contentType}}",
            "contentLength": {{size}},
            "blobType": "BlockBlob",
            "url": "{{url}}",
            "sequencer": "00000000000004420000000000028963"
          },
          "specversion": "1.0"
        }
        """;
}
