using System.Text.Json;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using CaseFy.Model.Timeline;

namespace CaseFy.UnitTests;

/// <summary>Case data by merge patch: what is recorded, what is refused, who may fill what, and the exit criteria on fields.</summary>
public sealed class CaseDataTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ana = new("ana", "Ana");
    private static readonly Actor Outsider = new("link-1", "Eve Outsider");

    private static readonly CaseTemplate Template = new()
    {
        Id = "tpl",
        Version = 1,
        Name = "Onboarding",
        Fields =
        [
            new("startDate", "Start date", FieldType.Date) { Required = true },
            new("department", "Department", FieldType.Choice) { Options = ["HR", "IT"] },
            new("passport", "Passport", FieldType.Text) { FilledBy = FieldFiller.External },
            new("phone", "Phone", FieldType.Phone) { FilledBy = FieldFiller.Both },
        ],
        Stages =
        [
            new("intake", "Intake") { RequiredFields = ["department"], ExternalFields = ["passport"] },
            new("work", "Work"),
        ],
        CreatedAt = T0,
        CreatedBy = Actor.System,
    };

    private static Dictionary<string, JsonElement> Patch(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private static CaseRecord Entered(string data = "{}") =>
        CaseLifecycle.EnterStage(CaseLifecycle.Open("c1", "Hire", Template, Ana, T0, Patch(data)).Case, Template, T0)!.Case;

    [Fact]
    public void Open_WithData_RecordsItAfterCaseCreated()
    {
        var opened = CaseLifecycle.Open("c1", "Hire", Template, Ana, T0, Patch("""{"department":"HR"}"""));

        Assert.Equal([TimelineEntryTypes.CaseCreated, TimelineEntryTypes.FieldsChanged], opened.Entries.Select(e => e.Type));
        Assert.Equal(("department", "null", "\"HR\""), (opened.Entries[1].Data["fields"], opened.Entries[1].Data["old.department"], opened.Entries[1].Data["new.department"]));
        Assert.Equal("\"HR\"", opened.Case.Data["department"].GetRawText());
    }

    [Fact]
    public void Change_SameValuesAndClearingAnAbsentField_ChangesNothing()
    {
        var current = Entered("""{"department":"HR","startDate":"2026-03-02"}""");

        Assert.Null(CaseData.Change(current, Template, Patch("""{"department":"HR","startDate":"2026-03-02","phone":null}"""), FieldEditor.Team, Ana, T0));
    }

    [Fact]
    public void Change_ClearAndSet_OneEntryWithEveryChangedField()
    {
        var current = Entered("""{"department":"HR"}""");

        var change = CaseData.Change(current, Template, Patch("""{"department":null,"phone":"+49 30 1234"}"""), FieldEditor.Team, Ana, T0)!;

        var entry = Assert.Single(change.Entries);
        Assert.Equal(("department,phone", "\"HR\"", "null", "null", "\"+49 30 1234\""), (entry.Data["fields"], entry.Data["old.department"], entry.Data["new.department"], entry.Data["old.phone"], entry.Data["new.phone"]));
        Assert.Equal(["phone"], change.Case.Data.Keys);
        Assert.Equal(current.TimelineLength + 1, change.Case.TimelineLength);
    }

    [Fact]
    public void Change_StaleTimelineLength_Throws()
    {
        var current = Entered();

        Assert.Throws<StaleCaseException>(() => CaseData.Change(current, Template, Patch("""{"department":"HR"}"""), FieldEditor.Team, Ana, T0, current.TimelineLength - 1));
        Assert.NotNull(CaseData.Change(current, Template, Patch("""{"department":"HR"}"""), FieldEditor.Team, Ana, T0, current.TimelineLength));
    }

    [Fact]
    public void Change_ClosedCase_IsARuleConflict()
    {
        var closed = CaseFlexibility.Close(Entered(), "withdrawn", null, Ana, T0).Case;

        Assert.Throws<CaseRuleException>(() => CaseData.Change(closed, Template, Patch("""{"department":"HR"}"""), FieldEditor.Team, Ana, T0));
    }

    [Theory]
    [InlineData(FieldEditor.Team, """{"passport":"X1"}""", "$.passport")]
    [InlineData(FieldEditor.External, """{"department":"HR"}""", "$.department")]
    [InlineData(FieldEditor.External, """{"phone":"+1 555 0100"}""", "$.phone")]
    [InlineData(FieldEditor.Team, """{"department":"Sales","phone":12}""", "$.department,$.phone")]
    [InlineData(FieldEditor.Team, """{"Department":"HR"}""", "$")]
    [InlineData(FieldEditor.Team, """{"depart ment":"HR"}""", "$")]
    public void Change_FieldTheEditorMayNotFillOrAValueItRefuses_ThrowsWithThePaths(FieldEditor editor, string patch, string paths)
    {
        var error = Assert.Throws<CaseDataException>(() => CaseData.Change(Entered(), Template, Patch(patch), editor, Outsider, T0));

        Assert.Equal(paths.Split(','), error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Change_ExternalFieldOfTheCurrentStage_IsRecordedWithTheLinksActor()
    {
        var change = CaseData.Change(Entered(), Template, Patch("""{"passport":"X1234567"}"""), FieldEditor.External, Outsider, T0)!;

        Assert.Equal(Outsider, Assert.Single(change.Entries).Actor);
    }

    [Fact]
    public void Change_DataOverItsLimit_IsRefused()
    {
        var fields = Enumerable.Range(0, 10).Select(i => new FieldDefinition($"notes{i}", "Notes", FieldType.LongText)).ToList();
        var template = Template with { Fields = fields, Stages = [new("intake", "Intake")] };
        var current = CaseLifecycle.EnterStage(CaseLifecycle.Open("c1", "Hire", template, Ana, T0).Case, template, T0)!.Case;
        var text = JsonSerializer.Serialize(new string('x', FieldLimits.MaxLength(FieldType.LongText)));
        var patch = Patch("{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{text}")) + "}");

        var error = Assert.Throws<CaseDataException>(() => CaseData.Change(current, template, patch, FieldEditor.Team, Ana, T0));

        Assert.Equal(["$"], error.Errors.Keys);
    }

    [Fact]
    public void ExitCriteria_RequiredFieldsOfTheStageAndTheTemplate_AreMissingUntilFilled()
    {
        var empty = Entered();
        var filled = CaseData.Change(empty, Template, Patch("""{"department":"IT","startDate":"2026-05-01"}"""), FieldEditor.Team, Ana, T0)!.Case;

        Assert.Equal(["field:department", "field:startDate"], ExitCriteria.Evaluate(empty, Template.Stages[0], Template.Fields).Missing);
        Assert.True(ExitCriteria.Evaluate(filled, Template.Stages[0], Template.Fields).Met);
        Assert.Equal(["field:startDate"], ExitCriteria.Evaluate(empty, Template.Stages[1], Template.Fields).Missing);
        var refused = Assert.Throws<CaseRuleException>(() => CaseLifecycle.RequestAdvance(empty, Template, null, Ana, T0));
        Assert.Contains("field:department, field:startDate", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_ClearingARequiredFieldWhileLeaving_IsRefusedButOtherChangesPass()
    {
        var filled = Entered("""{"department":"IT","startDate":"2026-05-01"}""");
        var leaving = CaseLifecycle.RequestAdvance(filled, Template, null, Ana, T0).Case;

        Assert.Throws<CaseRuleException>(() => CaseData.Change(leaving, Template, Patch("""{"department":null}"""), FieldEditor.Team, Ana, T0));
        Assert.NotNull(CaseData.Change(leaving, Template, Patch("""{"department":"HR","phone":"+1 555 0100"}"""), FieldEditor.Team, Ana, T0));
    }

    [Fact]
    public void FieldsChangedEvent_SensitiveField_KeepsItsKeyAndDropsItsValues()
    {
        var template = Template with { Fields = [.. Template.Fields, new("salary", "Salary", FieldType.Money) { Currency = "EUR", Sensitive = true }] };
        var current = CaseLifecycle.EnterStage(CaseLifecycle.Open("c1", "Hire", template, Ana, T0).Case, template, T0)!.Case;

        var entry = Assert.Single(CaseData.Change(current, template, Patch("""{"salary":81234.5,"department":"IT"}"""), FieldEditor.Team, Ana, T0)!.Entries);
        var details = CaseFy.Model.Events.LifecycleEvents.From(entry).Data.Details;

        Assert.Equal("81234.5", entry.Data["new.salary"]);
        Assert.True(LifecycleEntryTypes.IsLifecycle(entry.Type));
        Assert.Equal(("salary,department", "salary", "\"IT\""), (details["fields"], details["sensitive"], details["new.department"]));
        Assert.DoesNotContain(details.Keys, k => k.EndsWith(".salary", StringComparison.Ordinal));
    }
}
