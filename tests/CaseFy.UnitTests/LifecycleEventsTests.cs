using CaseFy.Model;
using CaseFy.Model.Events;
using CaseFy.Model.Timeline;

namespace CaseFy.UnitTests;

public sealed class LifecycleEventsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static TimelineEntry Entry(string type, Dictionary<string, string> data) =>
        new($"c1-4", "c1", 4, type, T0, new Actor("ana-oid", "Ana"), "review", data, "prev", "hash4");

    [Theory]
    [InlineData("CaseCreated", "casefy.case.caseCreated")]
    [InlineData("StageEntered", "casefy.case.stageEntered")]
    [InlineData("DocumentUploaded", "casefy.case.documentUploaded")]
    public void EventType_EntryType_IsPrefixedWithLowerFirstLetter(string entryType, string expected) =>
        Assert.Equal(expected, LifecycleEvents.EventType(entryType));

    [Fact]
    public void From_Entry_CarriesIdSourceSubjectTimeAndPublicData()
    {
        var lifecycleEvent = LifecycleEvents.From(Entry("StageExited", new() { ["stageName"] = "Review", ["reason"] = "done" }));

        Assert.Equal(("c1-4", "/casefy/cases/c1", "casefy.case.stageExited", "review", T0),
            (lifecycleEvent.Id, lifecycleEvent.Source, lifecycleEvent.Type, lifecycleEvent.Subject, lifecycleEvent.Time));
        Assert.Equal(("c1", 4L, "StageExited", "review", "hash4"),
            (lifecycleEvent.Data.CaseId, lifecycleEvent.Data.Seq, lifecycleEvent.Data.EntryType, lifecycleEvent.Data.Stage, lifecycleEvent.Data.Hash));
        Assert.Equal(new Dictionary<string, string> { ["stageName"] = "Review", ["reason"] = "done" }, lifecycleEvent.Data.Details);
    }

    [Fact]
    public void From_EntryWithSecretLookingKeys_LeavesThemOut()
    {
        var lifecycleEvent = LifecycleEvents.From(Entry("DocumentUploaded", new()
        {
            ["fileName"] = "a.pdf",
            ["portalToken"] = "x",
            ["sasUrl"] = "y",
            ["clientSecret"] = "z",
        }));

        Assert.Equal(["fileName"], lifecycleEvent.Data.Details.Keys);
    }

    [Fact]
    public void IsLifecycle_KnownAndUnknownTypes_AnswersFromTheOneList()
    {
        Assert.True(LifecycleEntryTypes.IsLifecycle(TimelineEntryTypes.CaseClosed));
        Assert.True(LifecycleEntryTypes.IsLifecycle("SlaBreached"));
        Assert.False(LifecycleEntryTypes.IsLifecycle("PortalLinkUsed"));
    }
}
