using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

public sealed class DocumentRulesTests
{
    [Theory]
    [InlineData("form", "application/pdf", 1000)]
    [InlineData("photos", "image/png", 5000)]
    [InlineData("receipt", null, 77)]
    public void LimitsOf_TemplateOrAdHocDocument_AreTheTemplatesOrTheDefault(string key, string? contentType, long maxBytes)
    {
        var (types, max) = DocumentRules.LimitsOf(Template, key, adHocMaxBytes: 77);

        Assert.Equal(contentType, types?.Single());
        Assert.Equal(maxBytes, max);
    }

    [Fact]
    public void RecordUpload_RequestedDocument_IsUploadedAsVersionOne()
    {
        var current = Entered();

        var change = DocumentRules.RecordUpload(current, Template, File(current, "form"), Bo, T0)!;

        var document = change.Case.Documents.Single(d => d.Key == "form");
        Assert.Equal((DocumentStatus.Uploaded, 1, "c1/form/1", Bo), (document.Status, document.Versions.Count, document.Versions[0].BlobName, document.Versions[0].UploadedBy));
        Assert.Equal((TimelineEntryTypes.DocumentUploaded, "1", "10"), (change.Entries[0].Type, change.Entries[0].Data["version"], change.Entries[0].Data["size"]));
    }

    [Fact]
    public void RecordUpload_TheSameBlobAgain_IsNoChange()
    {
        var current = Entered();
        var file = File(current, "form");
        var recorded = DocumentRules.RecordUpload(current, Template, file, Bo, T0)!.Case;

        Assert.Null(DocumentRules.RecordUpload(recorded, Template, file, Bo, T0));
    }

    [Fact]
    public void RecordUpload_AdHocKey_CreatesAnInternalDocumentNamedAfterTheFile()
    {
        var current = Entered();

        var document = DocumentRules.RecordUpload(current, Template, File(current, "receipt"), Bo, T0)!.Case.Documents.Single(d => d.Key == "receipt");

        Assert.Equal(("file.pdf", DocumentProvider.Internal, false), (document.Name, document.Provider, document.FromTemplate));
    }

    [Fact]
    public void RecordUpload_ABlobOfAVersionAnotherUploadTook_IsRefused()
    {
        var current = Entered();
        var stale = File(current, "form");
        var first = DocumentRules.RecordUpload(current, Template, stale with { BlobName = "c1/form/1" }, Bo, T0)!.Case;

        Assert.Throws<CaseRuleException>(() => DocumentRules.RecordUpload(first, Template, stale with { BlobName = "c1/form/3" }, Bo, T0));
    }

    [Fact]
    public void RequireRoomFor_FullCase_RefusesANewDocumentAndAVersionTooMany()
    {
        var document = new CaseDocument { Key = "x", Name = "X", Provider = DocumentProvider.Internal, Status = DocumentStatus.Requested };
        var manyDocuments = Entered() with { Documents = [.. Enumerable.Range(0, CaseLimits.MaxDocuments).Select(i => document with { Key = $"d{i}" })] };
        var version = new DocumentVersion(1, "b", "f", "t", 1, T0, Ana);
        var manyVersions = Entered() with { Documents = [document with { Versions = [.. Enumerable.Repeat(version, CaseLimits.MaxVersionsPerDocument)] }] };

        Assert.Throws<CaseRuleException>(() => DocumentRules.RequireRoomFor(manyDocuments, "new"));
        DocumentRules.RequireRoomFor(manyDocuments, "d0");
        Assert.Throws<CaseRuleException>(() => DocumentRules.RequireRoomFor(manyVersions, "x"));
        Assert.Throws<CaseRuleException>(() => DocumentRules.RequireRoomFor(Closed(), "form"));
    }

    [Fact]
    public void Accept_UploadedDocument_IsAcceptedWithItsVersion()
    {
        var change = DocumentRules.Accept(Uploaded(Entered(), "form"), "form", Ana, T0);

        Assert.Equal(DocumentStatus.Accepted, change.Case.Documents.Single(d => d.Key == "form").Status);
        Assert.Equal((TimelineEntryTypes.DocumentAccepted, "1"), (change.Entries[0].Type, change.Entries[0].Data["version"]));
    }

    public static TheoryData<string> AcceptRefusals => ["requested", "accepted", "closed"];

    [Theory]
    [MemberData(nameof(AcceptRefusals))]
    public void Accept_WithNothingToAccept_IsRefused(string state)
    {
        var current = state switch
        {
            "requested" => Entered(),
            "accepted" => IntakeDone(),
            _ => Closed(),
        };

        Assert.Throws<CaseRuleException>(() => DocumentRules.Accept(current, "form", Ana, T0));
    }

    [Fact]
    public void Reject_UploadedDocument_RequestsItAgainWithTheReason()
    {
        var change = DocumentRules.Reject(Uploaded(Entered(), "form"), "form", "  blurry ", Ana, T0);

        var document = change.Case.Documents.Single(d => d.Key == "form");
        Assert.Equal((DocumentStatus.Requested, "blurry", 1), (document.Status, document.RejectionReason, document.Versions.Count));
        Assert.Equal([TimelineEntryTypes.DocumentRejected, TimelineEntryTypes.DocumentRequested], change.Entries.Select(e => e.Type));
        Assert.Equal(("true", "external"), (change.Entries[1].Data["again"], change.Entries[1].Data["provider"]));
    }

    [Fact]
    public void Reject_RequestedDocument_IsRefusedAndAnUnknownOneIsMissing()
    {
        Assert.Throws<CaseRuleException>(() => DocumentRules.Reject(Entered(), "form", "no", Ana, T0));
        Assert.Throws<CaseItemMissingException>(() => DocumentRules.Reject(Entered(), "passport", "no", Ana, T0));
    }

    [Fact]
    public void RecordUpload_AfterARejection_ClearsTheReasonAsVersionTwo()
    {
        var rejected = DocumentRules.Reject(Uploaded(Entered(), "form"), "form", "blurry", Ana, T0).Case;

        var document = Uploaded(rejected, "form").Documents.Single(d => d.Key == "form");

        Assert.Equal((DocumentStatus.Uploaded, (string?)null, "c1/form/2"), (document.Status, document.RejectionReason, document.Versions[^1].BlobName));
    }
}
