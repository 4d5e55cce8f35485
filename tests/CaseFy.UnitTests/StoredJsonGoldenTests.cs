using System.Text.Json;
using CaseFy.Model.Cases;
using CaseFy.Model.Json;

namespace CaseFy.UnitTests;

/// <summary>
/// Pins the JSON that storage keeps for each entity kind (the case row, its timeline entries, a template), written
/// with the very type information the table stores use. A change to a model type or to the JSON context that would
/// change what is stored (a renamed or dropped property, another enum spelling, another date format) fails here, and
/// stored cases would no longer read back or verify: change it on purpose, with a migration, then refresh the files
/// with <c>CASEFY_UPDATE_GOLDEN=1 dotnet test tests/CaseFy.UnitTests --filter StoredJsonGoldenTests</c>.
/// </summary>
public sealed class StoredJsonGoldenTests
{
    // Indented, and "+" or "<" left as they are, for the files' readers only.
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public void CaseRow_InSecondStage_IsStoredAsPinned() =>
        AssertPinned("case-row.json", JsonSerializer.Serialize(Flow().Case, CaseFyJsonContext.Default.CaseRecord));

    [Fact]
    public void TimelineEntries_OfAWholeStage_AreStoredAsPinned() =>
        AssertPinned("timeline-entries.json", "[" + string.Join(",", Flow().Entries.Select(e => JsonSerializer.Serialize(e, CaseFyJsonContext.Default.TimelineEntry))) + "]");

    [Fact]
    public void Template_WithEveryKindOfPart_IsStoredAsPinned() =>
        AssertPinned("template.json", JsonSerializer.Serialize(SampleCase.Template, CaseFyJsonContext.Default.CaseTemplate));

    [Fact]
    public void StoredJson_ReadBack_IsTheSameValue()
    {
        var (record, entries) = Flow();

        var json = JsonSerializer.Serialize(record, CaseFyJsonContext.Default.CaseRecord);
        var back = JsonSerializer.Deserialize(json, CaseFyJsonContext.Default.CaseRecord)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, CaseFyJsonContext.Default.CaseRecord));
        Assert.All(entries, e => Assert.Equal(e.Hash, Model.Timeline.TimelineChain.ComputeHash(
            JsonSerializer.Deserialize(JsonSerializer.Serialize(e, CaseFyJsonContext.Default.TimelineEntry), CaseFyJsonContext.Default.TimelineEntry)!)));
    }

    // The sample claim opened, its intake stage worked through (task, upload, acceptance) and left, the next entered.
    private static (CaseRecord Case, IReadOnlyList<Model.Timeline.TimelineEntry> Entries) Flow()
    {
        var entries = new List<Model.Timeline.TimelineEntry>();
        CaseRecord Keep(CaseChange change)
        {
            entries.AddRange(change.Entries);
            return change.Case;
        }

        var template = SampleCase.Template;
        var (ana, t0) = (SampleCase.Ana, SampleCase.T0);
        var record = Keep(CaseLifecycle.Open("c1", "Claim 7", template, ana, t0));
        record = Keep(CaseLifecycle.EnterStage(record, template, t0)!);
        record = Keep(TaskRules.Complete(record, "t1", null, ana, t0.AddMinutes(5)));
        record = Keep(DocumentRules.RecordUpload(record, template, SampleCase.File(record, "form"), ana, t0.AddMinutes(6))!);
        record = Keep(DocumentRules.Accept(record, "form", ana, t0.AddMinutes(7)));
        record = Keep(CaseLifecycle.RequestAdvance(record, template, null, ana, t0.AddMinutes(8)));
        record = Keep(CaseLifecycle.ExitStage(record, template, 0, t0.AddMinutes(9))!);
        record = Keep(CaseLifecycle.EnterStage(record, template, t0.AddMinutes(9))!);
        return (record, entries);
    }

    // One row per entity, each row's Data (the timeline's rows as one array here).
    private static void AssertPinned(string file, string stored)
    {
        // The comparison is of the stored text's JSON, token by token (names, order, values).
        var readable = JsonSerializer.Serialize(JsonDocument.Parse(stored).RootElement, Readable) + "\n";
        var path = Path.Combine(GoldenFolder(), file);
        if (Environment.GetEnvironmentVariable("CASEFY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, readable);
        }

        Assert.True(File.Exists(path), $"No golden file {path}: create it with CASEFY_UPDATE_GOLDEN=1.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), readable);
    }

    private static string GoldenFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var golden = Path.Combine(dir.FullName, "tests", "CaseFy.UnitTests", "Golden");
            if (Directory.Exists(golden))
            {
                return golden;
            }
        }

        throw new DirectoryNotFoundException("tests/CaseFy.UnitTests/Golden not found above the test's folder.");
    }
}
