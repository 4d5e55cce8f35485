using Azure.Messaging;
using CaseFy.Model.Timeline;

namespace CaseFy.Testing;

/// <summary>What "each lifecycle event exactly once" means, shared by the suites that check it.</summary>
public static class LifecycleEventAssert
{
    /// <summary>
    /// Every expected timeline entry arrived as exactly one CloudEvent (same id), none other of these cases arrived,
    /// and each case's events arrived in the order of its timeline.
    /// </summary>
    public static void ExactlyOnceInCaseOrder(IReadOnlyList<CloudEvent> received, IReadOnlyList<TimelineEntry> expected)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(expected);
        var ofTheseCases = received.Where(r => expected.Any(e => e.Id == r.Id)).ToList();
        Assert.Equal(expected.Select(e => e.Id).Order(StringComparer.Ordinal), ofTheseCases.Select(r => r.Id).Order(StringComparer.Ordinal));
        foreach (var perCase in expected.GroupBy(e => e.CaseId))
        {
            var arrived = ofTheseCases.Where(r => r.Source == $"/casefy/cases/{perCase.Key}").Select(r => r.Id).ToList();
            Assert.Equal(perCase.OrderBy(e => e.Seq).Select(e => e.Id), arrived);
        }
    }
}
