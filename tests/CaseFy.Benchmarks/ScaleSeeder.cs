using CaseFy.Application.Cases;
using CaseFy.LocalHost.Identity;
using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Ports;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.Benchmarks;

/// <summary>
/// Writes cases straight to the tables through the host's own case store: each case's whole history is built in
/// memory with the pure model (open, stages entered and moved, participants, tasks assigned and completed, comments,
/// a quarter closed) and stored as one created case, so it has a realistic timeline (12–14 entries) and every index
/// row the API reads, without the engine. People are the development issuer's users "Person 0".."Person 19", so a
/// member token for one of them reads their own cases.
/// </summary>
public sealed class ScaleSeeder(ICaseStore store, IReadOnlyList<CaseTemplate> templates)
{
    public const int People = 20;

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private int _retriedCreates;

    /// <summary>Creates the storage client retried after a timeout and found stored (their index rows are missing).</summary>
    public int RetriedCreates => _retriedCreates;

    public static Actor Person(int index) => new(DevIssuer.ObjectIdFor(PersonName(index)), PersonName(index));

    public static string PersonName(int index) => $"Person {index}";

    /// <summary>Stores cases <paramref name="from"/>..<paramref name="to"/>-1 with at most <paramref name="concurrency"/> in flight; returns the timeline entries written.</summary>
    public async Task<long> SeedAsync(int from, int to, int concurrency, CancellationToken cancellationToken)
    {
        long entries = 0;
        var done = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(from, to - from),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var change = Build(i);
                if (!await store.CreateAsync(change, ct))
                {
                    // Ids are new, so only the SDK's own retry of a create that timed out after storing can meet one:
                    // that case has its timeline but not its index rows. Counted, not fatal.
                    Interlocked.Increment(ref _retriedCreates);
                }

                Interlocked.Add(ref entries, change.Entries.Count);
                if (Interlocked.Increment(ref done) % 5000 == 0)
                {
                    Console.WriteLine(FormattableString.Invariant($"    {from + done:N0} cases stored, {done / clock.Elapsed.TotalSeconds:F0} cases/s in this step"));
                }
            });
        return entries;
    }

    /// <summary>One case's history, folded: the last state and every entry, chained as the model wrote them.</summary>
    public CaseChange Build(int i)
    {
        var template = templates[i % templates.Count];
        var owner = Person(i % People);
        var member = Person((i + 7) % People);
        var at = Start + TimeSpan.FromMinutes(i);
        var history = new History(CaseLifecycle.Open(CaseIds.New(), $"Seeded case {i}", template, owner, at));
        history.Apply(c => CaseLifecycle.EnterStage(c, template, at.AddMinutes(1)));
        history.Apply(c => CaseParticipants.Add(c, new CaseParticipant(member.Id, member.Name, ParticipantRole.Member), owner, at.AddMinutes(2)));
        history.Apply(c => TaskRules.Add(c, new NewTask("Check the request", member, null, null, false), owner, at.AddMinutes(3)));
        history.Apply(c => CaseFlexibility.Comment(c, "Looked at it.", member, at.AddHours(1)));
        history.Apply(c => TaskRules.Complete(c, c.Tasks[^1].Id, null, member, at.AddHours(2)));
        // Cases end in different stages, so a stage filter and the board see a spread.
        var stages = 1 + (i % (template.Stages.Count - 1));
        for (var s = 1; s <= stages; s++)
        {
            var when = at.AddDays(s);
            history.Apply(c => CaseFlexibility.Move(c, template, template.Stages[s].Key, "Next step", owner, when));
            history.Apply(c => CaseLifecycle.EnterStage(c, template, when.AddMinutes(1)));
        }

        history.Apply(c => TaskRules.Add(c, new NewTask("Follow up", member, null, null, false), owner, at.AddDays(stages).AddHours(1)));
        if (i % 4 == 0)
        {
            history.Apply(c => CaseFlexibility.Close(c, "Done", "resolved", owner, at.AddDays(stages + 1)));
        }

        return history.ToChange();
    }

    private sealed class History(CaseChange opened)
    {
        private readonly List<TimelineEntry> _entries = [.. opened.Entries];
        private CaseRecord _case = opened.Case;

        public void Apply(Func<CaseRecord, CaseChange?> rule)
        {
            if (rule(_case) is { } change)
            {
                _case = change.Case;
                _entries.AddRange(change.Entries);
            }
        }

        public CaseChange ToChange() => new(_case, _entries);
    }
}
