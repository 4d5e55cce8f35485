using CaseFy.Model.Timeline;

namespace CaseFy.Testing;

/// <summary>The exact timeline a case driven through every stage to closure must have.</summary>
public static class ExpectedTimeline
{
    public static List<(string Type, string Stage)> ForClosedCase(params string[] stageKeys)
    {
        var expected = new List<(string, string)> { (TimelineEntryTypes.CaseCreated, stageKeys[0]) };
        foreach (var key in stageKeys)
        {
            expected.Add((TimelineEntryTypes.StageEntered, key));
            expected.Add((TimelineEntryTypes.StageExited, key));
        }

        expected.Add((TimelineEntryTypes.CaseClosed, stageKeys[^1]));
        return expected;
    }

    /// <summary>Asserts the entries are exactly the expected ones, numbered 1..n without gap or duplicate, and hash-chained.</summary>
    public static void AssertExactly(IReadOnlyList<TimelineEntry> entries, IReadOnlyList<(string Type, string Stage)> expected)
    {
        Assert.Equal(expected, entries.Select(e => (e.Type, e.Stage)).ToList());
        Assert.Equal(Enumerable.Range(1, expected.Count).Select(i => (long)i), entries.Select(e => e.Seq));
        Assert.Null(TimelineChain.FindFirstBrokenLink(entries));
    }
}
