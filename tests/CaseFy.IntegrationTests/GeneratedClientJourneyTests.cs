using System.Text;
using CaseFy.ApiClient;
using CaseFy.ApiClient.Api.Cases;
using CaseFy.ApiClient.Api.Cases.Item.Timeline.Export;
using CaseFy.ApiClient.Models;
using CaseFy.Testing;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace CaseFy.IntegrationTests;

/// <summary>
/// An integrator's view: the client Kiota generates from docs/openapi.json (tests/CaseFy.ApiClient) drives a whole
/// journey against the real local host, Azurite and engine, with no hand-written request code: every URL, query,
/// header, body and multipart part below is the generated client's (the field filters' members excepted: see
/// <see cref="ListWithFieldFiltersAsync"/>).
/// </summary>
public sealed class GeneratedClientJourneyTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>, IDisposable
{
    // The fixture's HttpClient carries an admin's development-issuer token, as an integrator's would carry theirs.
    private readonly HttpClientRequestAdapter _adapter = new(new AnonymousAuthenticationProvider(), httpClient: host.Api.Http)
    {
        BaseUrl = host.Api.Http.BaseAddress!.ToString().TrimEnd('/'),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GeneratedClient_WholeJourney_TemplateCaseListTaskDecisionUploadAndCsvExport()
    {
        var client = new CaseFyApiClient(_adapter);

        // A template, then its update with If-Match: "{version}" (428 without, 412 when stale).
        var created = await ExpectOkAsync(client.Api.Templates.PostAsync(Draft("First description"), cancellationToken: Ct));
        Assert.Equal(1, created!.Version);
        var updated = await ExpectOkAsync(client.Api.Templates[created.Id].PutAsync(
            Draft("Second description"), c => c.Headers.Add("If-Match", $"\"{created.Version}\""), cancellationToken: Ct));
        Assert.Equal(2, updated!.Version);
        Assert.Equal("Second description", updated.Description);
        var stale = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.Templates[created.Id].PutAsync(
            Draft("Third"), c => c.Headers.Add("If-Match", "\"1\""), cancellationToken: Ct));
        Assert.Equal(412, stale.ResponseStatusCode);

        // A case with a field value, then the list filtered by template and status.
        var opened = await client.Api.Cases.PostAsync(
            new NewCase
            {
                TemplateId = created.Id,
                Title = "Generated client's case",
                Data = new NewCase_data { AdditionalData = { ["department"] = "HR" } },
            },
            cancellationToken: Ct);
        var caseId = opened!.Id!;
        var page = await client.Api.Cases.GetAsync(
            c =>
            {
                c.QueryParameters.TemplateId = created.Id;
                c.QueryParameters.Status = GetStatusQueryParameterType.Open;
                c.QueryParameters.PageSize = 10;
            },
            Ct);
        Assert.Equal([caseId], page!.Items!.Select(c => c.Id));

        // Field filters are one form-exploded object parameter (fieldFilters: its members are the query parameters);
        // Kiota 1.38 types it as a string, so the members go into the generated request's query as a dictionary.
        var filtered = await ListWithFieldFiltersAsync(client, created.Id!, new() { ["field.department"] = "HR" });
        Assert.Equal([caseId], filtered.Items!.Select(c => c.Id));
        Assert.Empty((await ListWithFieldFiltersAsync(client, created.Id!, new() { ["field.department.ne"] = "HR" })).Items!);

        // The stage's task, its document and its decision.
        var entered = await WaitForTaskAsync(client, caseId);
        var task = Assert.Single(entered.Tasks!);
        await client.Api.Cases[caseId].Tasks[task.Id].Complete.PostAsync(new CompleteTask { Note = "Checked" }, cancellationToken: Ct);
        var upload = new MultipartBody();
        upload.AddOrReplacePart("file", "application/pdf", new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")), "form.pdf");
        var withDocument = await client.Api.Cases[caseId].Documents["form"].PostAsync(upload, cancellationToken: Ct);
        Assert.Contains(withDocument!.Documents!, d => d.Key == "form");
        await client.Api.Cases[caseId].Decision.PostAsync(new RecordDecision { Option = "yes", Rationale = "Looks right" }, cancellationToken: Ct);

        var read = await client.Api.Cases[caseId].GetAsync(cancellationToken: Ct);
        Assert.Equal("Checked", Assert.Single(read!.Tasks!).Note);
        Assert.Contains(read.Decisions!, d => d.Option == "yes");

        // The timeline as CSV: one row per entry, the decision among them.
        await using var csv = await client.Api.Cases[caseId].Timeline.Export.GetAsync(c => c.QueryParameters.Format = GetFormatQueryParameterType.Csv, Ct);
        using var reader = new StreamReader(csv!);
        var lines = (await reader.ReadToEndAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("seq,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("DecisionRecorded", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("DocumentUploaded", StringComparison.Ordinal));
    }

    public void Dispose() => _adapter.Dispose();

    // A refusal the generated client throws, with what the API said (the problem's errors by JSON path), as a failure.
    private static async Task<T> ExpectOkAsync<T>(Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (HttpValidationProblemDetails problem)
        {
            var errors = problem.Errors?.AdditionalData.Select(e =>
                $"{e.Key}: {string.Join(" ", e.Value is UntypedArray messages ? messages.GetValue().OfType<UntypedString>().Select(m => m.GetValue()) : [])}");
            throw new Xunit.Sdk.XunitException($"{problem.ResponseStatusCode} {problem.Title}: {string.Join("; ", errors ?? [])}");
        }
    }

    private static TemplateDraft Draft(string description) => new()
    {
        Name = "Generated client journey",
        Description = description,
        Fields =
        [
            new FieldDraft { Key = "department", Label = "Department", Type = FieldType.Choice, Options = ["HR", "IT"], Filterable = true },
        ],
        Stages =
        [
            new StageDraft
            {
                Key = "review",
                Name = "Review",
                Tasks = [new TaskDraft { Key = "check", Title = "Check the form", Required = true }],
                Documents = [new DocumentDraft { Key = "form", Name = "Form", ContentTypes = ["application/pdf"], MaxBytes = 1000 }],
                Decision = new DecisionDraft
                {
                    Question = "Approve?",
                    Options = [new DecisionOptionDraft { Key = "yes", Label = "Yes", Outcome = "next" }, new DecisionOptionDraft { Key = "no", Label = "No", Outcome = "goToStage:review" }],
                },
            },
            new StageDraft { Key = "done", Name = "Done" },
        ],
    };

    private async Task<PageOfCaseRecord> ListWithFieldFiltersAsync(CaseFyApiClient client, string templateId, Dictionary<string, object> filters)
    {
        var request = client.Api.Cases.ToGetRequestInformation(c => c.QueryParameters.TemplateId = templateId);
        request.QueryParameters["fieldFilters"] = filters;
        return (await _adapter.SendAsync(request, PageOfCaseRecord.CreateFromDiscriminatorValue, cancellationToken: Ct))!;
    }

    // The engine enters the first stage (and creates its task) just after the case opens.
    private static async Task<CaseRecord> WaitForTaskAsync(CaseFyApiClient client, string caseId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var read = await client.Api.Cases[caseId].GetAsync(cancellationToken: Ct);
            if (read!.Tasks is { Count: > 0 })
            {
                return read;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException($"Case {caseId}'s first task never appeared.");
    }
}
