using CaseFy.Model;
using CaseFy.Model.Access;
using CaseFy.Model.Cases;
using CaseFy.Model.Portal;
using CaseFy.Model.Templates;

namespace CaseFy.UnitTests;

/// <summary>A claims template that uses every kind of stage content, and a case of it at the usual points of its life.</summary>
internal static class SampleCase
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    public static readonly Actor Ana = new("ana-oid", "Ana");
    public static readonly Actor Bo = new("bo-oid", "Bo");

    public static readonly DocumentRequirement Form = new("form", "Claim form", DocumentProvider.External, ["application/pdf"], 1000);

    public static readonly CaseTemplate Template = new()
    {
        Id = "claims",
        Version = 2,
        Name = "Claims",
        Stages =
        [
            new("intake", "Intake")
            {
                Documents = [Form],
                Tasks = [new TaskDefinition("check", "Check the claim", "owner", DueInHours: 1, Required: true)],
                OnEnter =
                [
                    new AutomationDefinition { Type = AutomationType.CreateTask, Task = new TaskDefinition("call", "Call", "owner", null, false) },
                    new AutomationDefinition { Type = AutomationType.RequestDocument, Document = "photos" },
                    new AutomationDefinition { Type = AutomationType.Assign, Assignee = "owner", TaskKey = "check" },
                    new AutomationDefinition { Type = AutomationType.PublishEvent, Event = "claim-opened" },
                ],
                OnExit = [new AutomationDefinition { Type = AutomationType.Webhook, Url = "https://example.org/hook", Secret = "0123456789abcdef" }],
                SlaHours = 2,
                OnBreach = new BreachAction("owner", "https://example.org/breach", "fedcba9876543210"),
            },
            new("assess", "Assess")
            {
                Documents = [new DocumentRequirement("photos", "Photos", DocumentProvider.Internal, ["image/png"], 5000)],
                Decision = new DecisionDefinition("Covered?",
                [
                    new DecisionOption("pay", "Pay", "next"),
                    new DecisionOption("again", "Look again", "goToStage:intake"),
                    new DecisionOption("reject", "Reject", "close:rejected"),
                ]),
                Advance = AdvanceMode.Auto,
            },
            new("pay", "Pay"),
        ],
        Fields = [new FieldDefinition("amount", "Amount", FieldType.Number)],

        // Reminders a quarter hour before the task's 1 h due time and the intake stage's 2 h SLA.
        Reminders = new ReminderSettings(TaskLeadHours: 0.25, SlaLeadHours: 0.25),
        CreatedAt = T0,
        CreatedBy = Actor.System,
    };

    /// <summary>Opened by Ana, first stage not entered yet.</summary>
    public static CaseRecord Opened() => CaseLifecycle.Open("c1", "Claim 7", Template, Ana, T0).Case;

    /// <summary>In the intake stage, entered: task t1 (check) open, the form requested.</summary>
    public static CaseRecord Entered() => CaseLifecycle.EnterStage(Opened(), Template, T0)!.Case;

    /// <summary><see cref="Entered"/> with Bo taking part as a member (so tasks may go to him).</summary>
    public static CaseRecord EnteredWithBo() =>
        CaseParticipants.Add(Entered(), new CaseParticipant(Bo.Id, Bo.Name, ParticipantRole.Member), Ana, T0)!.Case;

    /// <summary>Version 1 of <paramref name="key"/> recorded as uploaded by Ana.</summary>
    public static CaseRecord Uploaded(CaseRecord current, string key, string contentType = "application/pdf") =>
        DocumentRules.RecordUpload(current, Template, File(current, key, contentType), Ana, T0)!.Case;

    public static UploadedFile File(CaseRecord current, string key, string contentType = "application/pdf") =>
        new(key, DocumentRules.BlobName(current.Id, key, DocumentRules.NextVersion(current, key)), "file.pdf", contentType, 10);

    /// <summary>The intake stage's criteria met: its task done, its form accepted.</summary>
    /// <summary>The party of <paramref name="linkId"/> sends <paramref name="text"/> with a file "id.png" (42 bytes).</summary>
    public static CaseChange MessageWithFile(CaseRecord current, string linkId, string text)
    {
        var key = PortalMessages.AttachmentKey(linkId);
        var file = new UploadedFile(key, DocumentRules.BlobName(current.Id, key, 1), "id.png", "image/png", 42);
        var party = current.PortalLinks.Single(l => l.Id == linkId).AsActor();
        return PortalMessages.WithAttachment(current, Template, file, party, T0,
            (c, attachment) => PortalMessages.FromExternal(c, linkId, text, T0, attachment));
    }

    public static CaseRecord IntakeDone() =>
        DocumentRules.Accept(Uploaded(TaskRules.Complete(Entered(), "t1", null, Ana, T0).Case, "form"), "form", Ana, T0).Case;

    /// <summary>Left intake by advance; the assess stage entered.</summary>
    public static CaseRecord InAssess()
    {
        var requested = CaseLifecycle.RequestAdvance(IntakeDone(), Template, null, Ana, T0).Case;
        var exited = CaseLifecycle.ExitStage(requested, Template, 0, T0)!.Case;
        return CaseLifecycle.EnterStage(exited, Template, T0)!.Case;
    }

    public static CaseRecord Closed() => CaseFlexibility.Close(Entered(), "withdrawn", null, Ana, T0).Case;
}
