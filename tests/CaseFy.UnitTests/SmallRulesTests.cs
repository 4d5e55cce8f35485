using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

/// <summary>The small shared rules: free text, webhook targets, blob metadata, what lists show of a case.</summary>
public sealed class SmallRulesTests
{
    [Theory]
    [InlineData(null, true, "This field is required.")]
    [InlineData("  ", true, "This field is required.")]
    [InlineData("abcdef", true, "At most 5 characters.")]
    [InlineData("a\u0000b", false, "Control characters are not allowed.")]
    [InlineData("a\nb\tc", false, null)]
    [InlineData(null, false, null)]
    [InlineData("fine", true, null)]
    public void TextRules_RequiredOrOptionalText_NamesEachProblem(string? value, bool required, string? message)
    {
        var errors = new ValidationErrors();

        if (required)
        {
            TextRules.RequireText(errors, "$.x", value, 5);
        }
        else
        {
            TextRules.OptionalText(errors, "$.x", value, 5);
        }

        Assert.Equal(message is null ? [] : [message], errors.ToDictionary().GetValueOrDefault("$.x") ?? []);
        Assert.Equal(message is null, errors.IsEmpty);
    }

    [Theory]
    [InlineData("https://example.org/hook", true)]
    [InlineData("http://127.0.0.1:8080/hook", true)]
    [InlineData("http://[::1]/hook", true)]
    [InlineData("http://localhost/hook", false)]
    [InlineData("http://example.org/hook", false)]
    [InlineData("https://user:secret@example.org/", false)]
    [InlineData("ftp://example.org/", false)]
    [InlineData("/relative", false)]
    [InlineData(null, false)]
    public void WebhookUrls_IsAllowed_HttpsAnywhereHttpOnlyToLoopbackLiteral(string? url, bool allowed)
    {
        Assert.Equal(allowed, WebhookUrls.IsAllowed(url));
    }

    [Theory]
    [InlineData("https://prod-01.westeurope.logic.azure.com:443/workflows/a1/triggers/manual/paths/invoke?sig=S3cr3t", "https://prod-01.westeurope.logic.azure.com")]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXXX", "https://hooks.slack.com")]
    [InlineData("http://127.0.0.1:8080/hook?token=x", "http://127.0.0.1:8080")]
    [InlineData("https://[2001:db8::1]:8443/h", "https://[2001:db8::1]:8443")]
    [InlineData("not a url", "")]
    public void WebhookUrls_SchemeAndHost_DropsPathQueryAndDefaultPort(string url, string shown)
    {
        Assert.Equal(shown, WebhookUrls.SchemeAndHost(url));
    }

    [Fact]
    public void WebhookUrls_OverlongUrl_IsRefused()
    {
        Assert.False(WebhookUrls.IsAllowed("https://example.org/" + new string('a', 2000)));
    }

    [Fact]
    public void DocumentBlobMetadata_ForAndRead_RoundTripNonAsciiValuesInAnyNameCase()
    {
        var metadata = DocumentBlobMetadata.For("Zoë's claim.pdf", new Actor("id/1", "Zoë"));
        var shouted = metadata.ToDictionary(m => m.Key.ToUpperInvariant(), m => m.Value);

        Assert.All(metadata.Values, v => Assert.True(v.All(char.IsAscii)));
        Assert.Equal("Zoë's claim.pdf", DocumentBlobMetadata.Read(shouted, DocumentBlobMetadata.FileName));
        Assert.Equal(("id/1", "Zoë"), (DocumentBlobMetadata.Read(metadata, DocumentBlobMetadata.UploaderId), DocumentBlobMetadata.Read(metadata, DocumentBlobMetadata.UploaderName)));
        Assert.Null(DocumentBlobMetadata.Read(metadata, DocumentBlobMetadata.Signature));
    }

    [Fact]
    public void CaseListing_Case_ShowsOwnerPendingTasksOverdueAndSearchableTitle()
    {
        var current = Entered();
        var legacy = current with { Participants = [] };

        Assert.Equal(("ana-oid", "Ana", 1, false), (CaseListing.OwnerId(current), CaseListing.OwnerName(current), CaseListing.PendingTasks(current), CaseListing.IsOverdue(current)));
        Assert.Equal((current.CreatedBy.Id, current.CreatedBy.Name), (CaseListing.OwnerId(legacy), CaseListing.OwnerName(legacy)));
        Assert.Equal("claim 7 ä", CaseListing.SearchableTitle("Claim 7 Ä"));
        Assert.Equal(Ana, CaseRoles.Resolve(current, "owner"));
        Assert.Null(CaseRoles.Resolve(current, "hr-partner"));
        Assert.Equal(CaseFilter.All, new CaseFilter());
    }

    [Theory]
    [InlineData("ONB", 42, "ONB-0042")]
    [InlineData("HR", 1, "HR-0001")]
    [InlineData("CLAIMS", 12345, "CLAIMS-12345")]
    public void CaseNumbers_Format_PrefixAndAtLeastFourDigitsWhichReadBackAsANumber(string prefix, long sequence, string expected)
    {
        var number = CaseNumbers.Format(prefix, sequence);

        Assert.Equal(expected, number);
        Assert.True(CaseNumbers.IsNumber(number));
    }

    [Theory]
    [InlineData("onb-0042")]
    [InlineData("ONB-42")]
    [InlineData("ONB0042")]
    [InlineData("O-0042")]
    [InlineData("ONB-0042 ")]
    [InlineData("ONB-0042' or 'a'='a")]
    public void CaseNumbers_IsNumber_RefusesAnythingElse(string value)
    {
        Assert.False(CaseNumbers.IsNumber(value));
    }
}
