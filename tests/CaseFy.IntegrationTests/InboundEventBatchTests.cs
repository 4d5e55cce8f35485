using CaseFy.Application.Events;

namespace CaseFy.IntegrationTests;

/// <summary>Reading Event Grid deliveries with the SDK's parsers: which blobs are case documents, in both schemas.</summary>
public sealed class InboundEventBatchTests
{
    private static readonly string CaseId = new('a', 32);

    [Fact]
    public void Parse_EventGridBlobCreatedForADocument_GivesItsCaseKeyVersionTypeAndSize()
    {
        var batch = Parse($"[{EventGridSchema.BlobCreated($"https://acct.blob.core.windows.net/documents/{CaseId}/id-card/2", "image/png", 1234)}]");

        Assert.Equal(new BlobCreatedNotice(CaseId, "id-card", 2, $"{CaseId}/id-card/2", "image/png", 1234), Assert.Single(batch.Uploads));
        Assert.Null(batch.ValidationCode);
    }

    [Fact]
    public void Parse_CloudEventsBlobCreatedOnAzurite_ReadsThePathStyleUrl()
    {
        var batch = Parse($"[{CloudEventsSchema.BlobCreated($"http://127.0.0.1:10000/devstoreaccount1/documents/{CaseId}/contract/1")}]");

        Assert.Equal($"{CaseId}/contract/1", Assert.Single(batch.Uploads).BlobName);
    }

    [Fact]
    public void Parse_SingleCloudEventNotInAnArray_IsRead()
    {
        var batch = Parse(CloudEventsSchema.BlobCreated($"https://acct.blob.core.windows.net/documents/{CaseId}/contract/1"));

        Assert.Single(batch.Uploads);
    }

    [Fact]
    public void Parse_SameBlobDeliveredTwice_GivesTheSameBlobNameForTheRecorderToDeduplicate()
    {
        var created = EventGridSchema.BlobCreated($"https://acct.blob.core.windows.net/documents/{CaseId}/id-card/1");

        var batch = Parse($"[{created},{created}]");

        Assert.Equal(2, batch.Uploads.Count);
        Assert.Single(batch.Uploads.Select(u => u.BlobName).Distinct());
    }

    [Theory]
    [InlineData("https://acct.blob.core.windows.net/other/{0}/id-card/1")]
    [InlineData("https://acct.blob.core.windows.net/documents/not-a-case/id-card/1")]
    [InlineData("https://acct.blob.core.windows.net/documents/{0}/id-card/0")]
    [InlineData("https://acct.blob.core.windows.net/documents/{0}/id-card/one")]
    [InlineData("https://acct.blob.core.windows.net/documents/{0}/ID%20Card/1")]
    [InlineData("https://acct.blob.core.windows.net/documents/{0}/1")]
    [InlineData("not a url")]
    public void Parse_BlobThatIsNoCaseDocument_IsIgnored(string urlFormat)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, urlFormat, CaseId);

        var batch = Parse($"[{EventGridSchema.BlobCreated(url)}]");

        Assert.Empty(batch.Uploads);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[{\"specversion\":\"1.0\"}]")]
    public void Parse_NotADelivery_ThrowsFormatException(string body) =>
        Assert.Throws<FormatException>(() => Parse(body));

    private static InboundEventBatch Parse(string json) => InboundEventBatch.Parse(BinaryData.FromString(json), "documents");
}
