using System.Net;
using CaseFy.Model.Templates;
using CaseFy.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFy.PortalTests;

/// <summary>
/// Case data in the team's portal: the template editor's fields, prefix and per-stage field lists; the case page's
/// data form (the right input per type, the API's 400 under the field, If-Match and a 412 said in words); field
/// changes on the timeline as old → new; the case number and card fields on the board's cards.
/// </summary>
public sealed class CaseDataTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string ClaimTemplate = """
        {"name":"Car claim","prefix":"CAR","cardFields":["department","amount"],"fields":[
           {"key":"department","label":"Department","type":"choice","options":["Motor","Home"]},
           {"key":"amount","label":"Amount","type":"money","currency":"EUR","min":0,"max":1000,"help":"What the customer asks for."},
           {"key":"incidentDate","label":"Incident date","type":"date"},
           {"key":"urgent","label":"Urgent","type":"boolean"},
           {"key":"policyNumber","label":"Policy number","type":"text","filledBy":"external"}],
         "stages":[{"key":"assess","name":"Assess","requiredFields":["amount"]},{"key":"pay","name":"Pay"}]}
        """;

    [Fact]
    public async Task List_FilteredByFieldValues_ShowsOnlyMatchingCasesAndKeepsTheFiltersInTheAddress()
    {
        var template = await portal.Api.CreateTemplateFromJsonAsync("""
            {"name":"Fleet claims","fields":[
               {"key":"department","label":"Department","type":"choice","options":["Motor","Home"],"filterable":true},
               {"key":"amount","label":"Amount","type":"money","currency":"EUR","filterable":true},
               {"key":"note","label":"Note","type":"text"}],
             "stages":[{"key":"assess","name":"Assess"}]}
            """);
        foreach (var (title, data) in new[]
        {
            ("Small motor claim", """{"department":"Motor","amount":200}"""),
            ("Big motor claim", """{"department":"Motor","amount":5000}"""),
            ("Big home claim", """{"department":"Home","amount":9000}"""),
        })
        {
            using var opened = await portal.Api.PostJsonAsync("/api/cases", $$"""{"templateId":"{{template.Id}}","title":"{{title}}","data":{{data}}}""");
            await CaseFyClient.ExpectAsync(opened, HttpStatusCode.Created);
        }

        await using var browser = await portal.NewPageAsync(new ViewportSize { Width = 1280, Height = 1100 });
        var page = browser.Page;
        await browser.SignInAsync("Fiona Filter", "Admin");
        await page.GotoAsync($"/#/cases?templateId={template.Id}");
        var filters = page.GetByRole(AriaRole.Search, new() { Name = "Filter cases" });
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(3);
        // A field not marked filterable has no control.
        await Expect(filters.GetByLabel("Note")).ToHaveCountAsync(0);

        await filters.GetByLabel("Department").SelectOptionAsync("Motor");
        await filters.GetByLabel("Amount (EUR) from").FillAsync("1000");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"field\.department=Motor.*field\.amount\.gte=1000"));
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("tbody")).ToContainTextAsync("Big motor claim");
        // Drawn again from the address, the controls keep what was chosen.
        await Expect(filters.GetByLabel("Department")).ToHaveValueAsync("Motor");
        await Expect(filters.GetByLabel("Amount (EUR) from")).ToHaveValueAsync("1000");
        await browser.AssertAccessibleAsync();
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task CasePage_TeamFillsDetails_ErrorUnderTheFieldThenChangesOnTheTimeline()
    {
        var (templateId, caseId) = await OpenClaimAsync("CAR", "Dented door", """{"department":"Motor"}""");
        await using var browser = await portal.NewPageAsync(new ViewportSize { Width = 1280, Height = 1300 });
        var page = browser.Page;
        await browser.SignInAsync("Dana Data", "Admin");
        await page.GotoAsync($"/#/cases/{caseId}");
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Details" });
        var amount = details.GetByLabel("Amount (EUR) (required)");
        await Expect(details.GetByLabel("Department")).ToHaveValueAsync("Motor");
        await Expect(details.GetByLabel("Incident date")).ToHaveAttributeAsync("type", "date");
        await Expect(details.GetByLabel("Urgent")).ToHaveJSPropertyAsync("tagName", "SELECT");
        // Filled by the outside party: shown, not editable by the team.
        await Expect(details.GetByLabel("Policy number")).ToHaveCountAsync(0);
        await Expect(details.Locator("dd[data-field=policyNumber]")).ToHaveTextAsync("—");

        await amount.FillAsync("5000");
        await details.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();

        await Expect(amount).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(details.Locator(".field", new() { Has = page.GetByLabel("Amount (EUR) (required)") }).Locator(".field-error")).ToHaveTextAsync("At most 1000.");
        await browser.AssertAccessibleAsync();
        Assert.False((await portal.Api.GetCaseAsync(caseId)).Data.ContainsKey("amount"));

        await amount.FillAsync("750.5");
        await details.GetByLabel("Department").SelectOptionAsync("Home");
        await details.GetByLabel("Incident date").FillAsync("2026-03-02");
        await details.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();

        await Expect(page.GetByText("Details saved.")).ToBeVisibleAsync();
        // The newest entry (the first one recorded the data the case was opened with).
        var change = page.Locator(".tl-item[data-type=FieldsChanged]").First;
        await Expect(page.Locator(".tl-item[data-type=FieldsChanged]")).ToHaveCountAsync(2);
        await Expect(change.Locator("li[data-field=department]")).ToHaveTextAsync("Department: Motor → Home");
        await Expect(change.Locator("li[data-field=amount]")).ToHaveTextAsync("Amount: — → 750.5 EUR");
        await Expect(change.Locator("li[data-field=incidentDate]")).ToHaveTextAsync("Incident date: — → 2026-03-02");
        await Expect(change.Locator(".tl-actor")).ToHaveTextAsync("Dana Data");
        await Expect(amount).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(amount).ToHaveValueAsync("750.5");
        await browser.ScreenshotAsync("case-data");

        var stored = await portal.Api.GetCaseAsync(caseId);
        Assert.Equal(("\"Home\"", "750.5", "\"2026-03-02\""), (stored.Data["department"].GetRawText(), stored.Data["amount"].GetRawText(), stored.Data["incidentDate"].GetRawText()));
        Assert.False(stored.Data.ContainsKey("urgent"));

        // The board's card carries the case's number.
        await page.GotoAsync($"/#/?template={templateId}");
        var card = page.Locator(".case-card", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Dented door" }) });
        await Expect(card.Locator(".case-number")).ToHaveTextAsync("CAR-0001");
        await Expect(card.Locator(".card-fields dd[data-field=department]")).ToHaveTextAsync("Home");
        await Expect(card.Locator(".card-fields dd[data-field=amount]")).ToHaveTextAsync("750.5 EUR");
        await Expect(card.Locator(".card-fields dt")).ToHaveTextAsync(["Department", "Amount"]);
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task CasePage_DataChangedElsewhereWhileEditing_SavingSaysSoAndShowsTheStoredValues()
    {
        var (_, caseId) = await OpenClaimAsync("WIN", "Broken window", """{"department":"Motor"}""");
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.SignInAsync("Eli Editor", "Admin");
        await page.GotoAsync($"/#/cases/{caseId}");
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Details" });
        await details.GetByLabel("Amount (EUR) (required)").FillAsync("100");

        // Someone else changes the data meanwhile (the page polls it, and keeps what this person typed).
        using var other = await portal.Api.PatchDataAsync(caseId, """{"department":"Home"}""");
        await CaseFyClient.ExpectAsync(other, HttpStatusCode.OK);
        await Expect(page.Locator(".tl-item[data-type=FieldsChanged]")).ToHaveCountAsync(2);
        await Expect(details.GetByLabel("Amount (EUR) (required)")).ToHaveValueAsync("100");
        await details.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();

        await Expect(details.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone changed this case while you were editing");
        await Expect(details.GetByLabel("Department")).ToHaveValueAsync("Home");
        await Expect(details.GetByLabel("Amount (EUR) (required)")).ToHaveValueAsync(string.Empty);
        var stored = await portal.Api.GetCaseAsync(caseId);
        Assert.False(stored.Data.ContainsKey("amount"));
        Assert.Equal("\"Home\"", stored.Data["department"].GetRawText());
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task CasePage_ViewAsOf_ShowsTheCaseAsItStoodReadOnlyThenTheWayBack()
    {
        var (_, caseId) = await OpenClaimAsync("OLD", "Cracked mirror", """{"department":"Motor"}""");
        using var patched = await portal.Api.PatchDataAsync(caseId, """{"department":"Home"}""");
        await CaseFyClient.ExpectAsync(patched, HttpStatusCode.OK);
        // The moment the case was opened with its first data (the later change is not folded in then).
        var opened = (await portal.Api.GetTimelineAsync(caseId)).First(e => e.Type == "FieldsChanged").At;
        await using var browser = await portal.NewPageAsync(new ViewportSize { Width = 1280, Height = 1100 });
        var page = browser.Page;
        await browser.SignInAsync("Ava Auditor", "Admin");

        await page.GotoAsync($"/#/cases/{caseId}?asOf={Uri.EscapeDataString(opened.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}");

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "As it stood on" })).ToContainTextAsync("read-only");
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Details" });
        await Expect(details.Locator("dd[data-field=department]")).ToHaveTextAsync("Motor");
        await Expect(details.GetByRole(AriaRole.Button, new() { Name = "Save details" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Put on hold" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".tl-item[data-type=FieldsChanged]")).ToHaveCountAsync(1);
        await browser.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to now" }).ClickAsync();
        await Expect(details.GetByLabel("Department")).ToHaveValueAsync("Home");
        await Expect(page.Locator(".tl-item[data-type=FieldsChanged]")).ToHaveCountAsync(2);

        // The control: a moment after the newest entry shows the case as it is, still read-only. To the minute: Chromium
        // drops ":00" seconds from a datetime-local value, and Playwright then refuses the fill as malformed.
        await page.GetByLabel("View as of").FillAsync(DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("asOf="));
        await Expect(details.Locator("dd[data-field=department]")).ToHaveTextAsync("Home");
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Editor_FieldsPrefixAndStageFieldLists_TemplateStoredWithThem()
    {
        await using var browser = await portal.NewPageAsync(new ViewportSize { Width = 1280, Height = 1500 });
        var page = browser.Page;
        await browser.OpenNewTemplateAsync("Employee onboarding");
        await page.GetByLabel("Case number prefix").FillAsync("EMP");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add field to fields" }).ClickAsync();
        var field1 = page.GetByRole(AriaRole.Group, new() { Name = "Field 1" });
        await field1.GetByLabel("Label").FillAsync("Start date");
        await Expect(field1.GetByLabel("Key")).ToHaveValueAsync("startDate");
        await field1.GetByLabel("Type").SelectOptionAsync("date");
        await field1.GetByLabel("Minimum").FillAsync("2026-01-01");
        await field1.GetByLabel("Help").FillAsync("The first working day.");
        await field1.GetByLabel("Filled by").SelectOptionAsync("both");
        await field1.GetByLabel("The outside party sees it").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add field to fields" }).ClickAsync();
        var field2 = page.GetByRole(AriaRole.Group, new() { Name = "Field 2" });
        await field2.GetByLabel("Label").FillAsync("Department");
        await field2.GetByLabel("Type").SelectOptionAsync("choice");
        await field2.GetByLabel("Options").FillAsync("HR\nIT\n");
        await field2.GetByLabel("Required in every stage").CheckAsync();
        await field2.GetByLabel("The case list filters on it").CheckAsync();
        await field2.GetByLabel("Sensitive (never in events)").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Shown on board cards (up to 6)" }).GetByLabel("Department").CheckAsync();

        await page.GetByLabel("Stage 1 name").FillAsync("Prepare");
        var stage1 = page.Locator(".stage-row").Nth(0);
        var needed = stage1.GetByRole(AriaRole.Group, new() { Name = "Needed to leave this stage" });
        var asked = stage1.GetByRole(AriaRole.Group, new() { Name = "Asked of the outside party (portal link)" });
        await needed.GetByLabel("Start date").CheckAsync();
        await Expect(asked.GetByLabel("Department")).ToHaveCountAsync(0);
        await asked.GetByLabel("Start date").CheckAsync();
        await browser.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Fields" }).ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("template-fields");

        var saved = await portal.Api.GetTemplateAsync(await browser.CreateTemplateInEditorAsync());
        Assert.Equal("EMP", saved.Prefix);
        Assert.Equal(["startDate", "department"], saved.Fields.Select(f => f.Key));
        var start = saved.Fields[0];
        Assert.Equal((FieldType.Date, "\"2026-01-01\"", "The first working day.", FieldFiller.Both, true),
            (start.Type, start.Min?.GetRawText(), start.Help, start.FilledBy, start.VisibleToExternal));
        var department = saved.Fields[1];
        Assert.Equal((FieldType.Choice, true, true, true, FieldFiller.Team), (department.Type, department.Required, department.Filterable, department.Sensitive, department.FilledBy));
        Assert.Equal(["HR", "IT"], department.Options);
        Assert.Equal(["department"], saved.CardFields);
        Assert.Equal(["startDate"], saved.Stages[0].RequiredFields);
        Assert.Equal(["startDate"], saved.Stages[0].ExternalFields);
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Editor_RouteOnAField_StoredAsAConditionOnThatFieldsType()
    {
        await using var browser = await portal.NewPageAsync(new ViewportSize { Width = 1280, Height = 1500 });
        var page = browser.Page;
        await browser.OpenNewTemplateAsync("Claims with routing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add field to fields" }).ClickAsync();
        var field1 = page.GetByRole(AriaRole.Group, new() { Name = "Field 1" });
        await field1.GetByLabel("Label").FillAsync("Amount");
        await field1.GetByLabel("Type").SelectOptionAsync("number");
        await page.GetByLabel("Stage 1 name").FillAsync("Triage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add stage" }).ClickAsync();
        await page.GetByLabel("Stage 2 name").FillAsync("Expert review");
        var stage1 = page.Locator(".stage-row").Nth(0);

        await stage1.GetByRole(AriaRole.Button, new() { Name = "Add automation to when the stage starts" }).ClickAsync();
        var onEnter = stage1.GetByRole(AriaRole.Group, new() { Name = "When the stage starts" });
        await onEnter.GetByLabel("Do", new() { Exact = true }).SelectOptionAsync("route");
        await onEnter.GetByLabel("When the field").SelectOptionAsync("amount");
        await onEnter.GetByLabel("Condition").SelectOptionAsync("gt");
        await onEnter.GetByLabel("Value").FillAsync("10000");
        await onEnter.GetByLabel("Go to stage").SelectOptionAsync("goToStage:expert-review");
        await browser.AssertAccessibleAsync();

        var saved = await portal.Api.GetTemplateAsync(await browser.CreateTemplateInEditorAsync());
        var route = Assert.Single(saved.Stages[0].OnEnter);
        Assert.Equal((AutomationType.Route, "amount", ConditionOperator.Gt, "10000", "goToStage:expert-review"),
            (route.Type, route.When?.Field, route.When?.Op, route.When?.Value.GetRawText(), route.Outcome));
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Editor_FieldRulesRefused_ErrorsShownUnderThatField()
    {
        await using var browser = await portal.NewPageAsync();
        var page = browser.Page;
        await browser.OpenNewTemplateAsync("Bad fields");
        await page.GetByLabel("Case number prefix").FillAsync("bad");
        await page.GetByLabel("Stage 1 name").FillAsync("Intake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add field to fields" }).ClickAsync();
        var field1 = page.GetByRole(AriaRole.Group, new() { Name = "Field 1" });
        await field1.GetByLabel("Label").FillAsync("Code");
        await field1.GetByLabel("Pattern").FillAsync("(a)\\1");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create template" }).ClickAsync();

        await Expect(field1.GetByLabel("Pattern")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Case number prefix")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field1.GetByLabel("Label")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await browser.AssertAccessibleAsync();
        browser.AssertNoConsoleErrors();
    }

    /// <summary>A claim template with its own prefix (prefixes are unique, the tests share one host) and a case of it.</summary>
    private async Task<(string TemplateId, string CaseId)> OpenClaimAsync(string prefix, string title, string data)
    {
        var template = await portal.Api.CreateTemplateFromJsonAsync(ClaimTemplate.Replace("\"CAR\"", $"\"{prefix}\"", StringComparison.Ordinal));
        var opened = await portal.Api.OpenCaseAsync(template.Id, title, data);
        await portal.Api.WaitForStageEnteredAsync(opened.Id, "assess");
        return (template.Id, opened.Id);
    }
}
