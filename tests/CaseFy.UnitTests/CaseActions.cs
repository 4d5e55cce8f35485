using System.Globalization;
using System.Text.Json;
using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using static CaseFy.UnitTests.SampleCase;

namespace CaseFy.UnitTests;

/// <summary>Every action on a case of <see cref="SampleCase.Template"/>, by number, with a choice picking its target.</summary>
internal static class CaseActions
{
    public const int Enter = 0;
    public const int Evaluate = 1;
    public const int EvaluateAndMoveOn = 2;
    public const int RequestAdvance = 3;
    public const int Exit = 4;
    public const int CompleteTask = 5;
    public const int ReopenTask = 6;
    public const int Upload = 7;
    public const int Accept = 8;
    public const int Reject = 9;
    public const int Decide = 10;
    public const int Move = 11;
    public const int Hold = 12;
    public const int Resume = 13;
    public const int Close = 14;
    public const int Reopen = 15;
    public const int Comment = 16;
    public const int AddTask = 17;
    public const int Automation = 18;
    public const int SetDue = 19;
    public const int AddParticipant = 20;
    public const int RemoveParticipant = 21;
    public const int ChangeOwner = 22;
    public const int ChangeData = 23;
    public const int AssignTask = 24;
    public const int Count = 25;

    private static readonly string[] DocumentKeys = ["form", "photos", "receipt"];

    /// <summary>How often a random run picks the action.</summary>
    public static int Weight(int action) => action switch
    {
        Enter or Evaluate or RequestAdvance or Exit or CompleteTask or Upload or Accept => 4,
        EvaluateAndMoveOn or ReopenTask or Decide or Reject => 2,
        _ => 1,
    };

    /// <summary>
    /// The actions the orchestration's activities repeat after a crash (at-least-once): applied again to their own
    /// result, they must find their work done. An upload is stored once per blob, so it is one too.
    /// </summary>
    public static bool IsStored(int action) => action is Enter or Evaluate or EvaluateAndMoveOn or Exit or Automation or Upload;

    /// <param name="before">For a repeat of a stored action: the state the first application started from.</param>
    public static CaseChange? Apply(int action, CaseRecord c, int choice, DateTimeOffset now, CaseRecord? before = null)
    {
        var stage = Template.Stages[c.CurrentStage.Index];
        var visit = (before ?? c).CurrentStage.Visit;
        return action switch
        {
            Enter => CaseLifecycle.EnterStage(c, Template, now),
            Evaluate => StageEvaluation.Evaluate(c, Template, visit, now),
            EvaluateAndMoveOn => StageEvaluation.EvaluateAndMoveOn(c, Template, visit, now),
            RequestAdvance => CaseLifecycle.RequestAdvance(c, Template, null, Ana, now),
            Exit => CaseLifecycle.ExitStage(c, Template, (before ?? c).CurrentStage.Index, now),
            CompleteTask => TaskRules.Complete(c, Pick(c.Tasks, choice)?.Id ?? "t0", null, Bo, now),
            ReopenTask => TaskRules.Reopen(c, Pick(c.Tasks, choice)?.Id ?? "t0", null, Bo, now),
            Upload => DocumentRules.RecordUpload(c, Template, UploadOf(before ?? c, choice), Bo, now),
            Accept => DocumentRules.Accept(c, DocumentKeys[choice % 3], Ana, now),
            Reject => DocumentRules.Reject(c, DocumentKeys[choice % 3], "blurry", Ana, now),
            Decide => DecisionRules.Record(c, Template, stage.Decision is { } d ? d.Options[choice % d.Options.Count].Key : "none", null, Ana, now),
            Move => CaseFlexibility.Move(c, Template, Template.Stages[choice % Template.Stages.Count].Key, "why", Ana, now),
            Hold => CaseFlexibility.Hold(c, null, Ana, now),
            Resume => CaseFlexibility.Resume(c, null, Ana, now),
            Close => CaseFlexibility.Close(c, "done", null, Ana, now),
            Reopen => CaseFlexibility.Reopen(c, Template, null, Ana, now),
            Comment => CaseFlexibility.Comment(c, "note", Bo, now),
            AddTask => TaskRules.Add(c, new NewTask("Extra", null, "owner", now.AddMinutes(15), choice % 2 == 0), Ana, now),
            Automation => stage.OnEnter.Count == 0 || stage.OnEnter[choice % stage.OnEnter.Count].Type == AutomationType.Webhook
                ? null
                : AutomationRules.Apply(c, Template, stage.OnEnter[choice % stage.OnEnter.Count], visit, AutomationRules.RunId(AutomationPhase.Enter, choice % stage.OnEnter.Count), now),
            SetDue => TaskRules.SetDue(c, Pick(c.Tasks, choice)?.Id ?? "t0", choice % 2 == 0 ? null : now.AddMinutes(5), Ana, now),
            AddParticipant => CaseParticipants.Add(c, new CaseParticipant(Bo.Id, Bo.Name, choice % 2 == 0 ? ParticipantRole.Member : ParticipantRole.Viewer), Ana, now),
            RemoveParticipant => CaseParticipants.Remove(c, Bo.Id, Ana, now),
            ChangeOwner => CaseParticipants.ChangeOwner(c, choice % 2 == 0 ? Bo.Id : Ana.Id, choice % 2 == 0 ? Bo.Name : Ana.Name, Ana, now),
            ChangeData => CaseData.Change(c, Template, AmountPatch(choice), FieldEditor.Team, Bo, now),
            _ => TaskRules.Assign(c, Pick(c.Tasks, choice)?.Id ?? "t0", choice % 2 == 0 ? Bo : null, choice % 2 == 0 ? null : "owner", Ana, now),
        };
    }

    // Sets the amount, or clears it (choice 0).
    private static Dictionary<string, JsonElement> AmountPatch(int choice) =>
        new() { ["amount"] = JsonElement.Parse(choice == 0 ? "null" : (choice * 1000).ToString(CultureInfo.InvariantCulture)) };

    private static CaseTask? Pick(IReadOnlyList<CaseTask> tasks, int choice) => tasks.Count == 0 ? null : tasks[choice % tasks.Count];

    private static UploadedFile UploadOf(CaseRecord c, int choice)
    {
        var key = DocumentKeys[choice % 3];
        return new UploadedFile(key, DocumentRules.BlobName(c.Id, key, DocumentRules.NextVersion(c, key)), "f.pdf", "application/pdf", 10);
    }
}
