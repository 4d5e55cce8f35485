using System.Text.RegularExpressions;
using CaseFy.Application.Apis.OpenApi;
using CaseFy.Application.Cases;
using CaseFy.Model;
using CaseFy.Model.Cases;
using CaseFy.Model.Templates;
using Microsoft.AspNetCore.Http;

namespace CaseFy.Application.Apis;

/// <summary>
/// Reads the case list's filters from the query string: <c>templateId</c>, <c>status</c>, <c>stage</c>, <c>owner</c>
/// (an actor id, or <c>me</c>), <c>overdue</c> (true/false), <c>number</c> (<c>ONB-0042</c>) and <c>q</c> (text in the
/// title or number). Each is validated and
/// a bad one is a 400 naming it; values reach storage only as parameters of a safely built filter.
/// </summary>
public static partial class CaseListQuery
{
    public const int MaxTextLength = 200;

    /// <summary>The filters as the OpenAPI document declares them.</summary>
    public static readonly QueryParameter[] Parameters =
    [
        new("templateId", "Only cases of this template (32 hexadecimal digits)."),
        QueryParameter.OfEnum<CaseStatus>("status", "Only cases with this status."),
        new("stage", "Only cases whose current stage has this key."),
        new("owner", "Only cases this person owns: an actor id, or 'me'.") { MaxLength = MaxTextLength },
        QueryParameter.OfBoolean("overdue", "Only cases past (true) or within (false) their stage's SLA."),
        new("number", "Only the case with this number (its template's prefix, a hyphen, four or more digits: ONB-0042)."),
        new("q", "Text in the title or number, ignoring case.") { MaxLength = MaxTextLength },
    ];

    public static bool TryRead(HttpRequest request, out CaseFilter filter, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        filter = CaseFilter.All;
        problem = null;
        var errors = new ValidationErrors();

        var templateId = Single(request, "templateId", errors);
        if (templateId is not null && !CaseIds.IsWellFormed(templateId))
        {
            errors.Add("templateId", "A template id is 32 hexadecimal digits.");
        }

        if (!QueryValues.TryReadEnum<CaseStatus>(request, "status", default, out var status, out var statusProblem))
        {
            problem = statusProblem;
            return false;
        }

        var stage = Single(request, "stage", errors);
        if (stage is not null && !StageKeyPattern().IsMatch(stage))
        {
            errors.Add("stage", "A stage key is lowercase letters, digits and hyphens, starting with a letter.");
        }

        var owner = Single(request, "owner", errors);
        if (owner == "me")
        {
            owner = RequestActor.Of(request.HttpContext).Id;
        }
        else if (owner is not null)
        {
            TextRules.OptionalText(errors, "owner", owner, MaxTextLength);
        }

        bool? overdue = Single(request, "overdue", errors) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Invalid(errors, "overdue", "overdue is true or false."),
        };

        var text = Single(request, "q", errors);
        if (text is not null)
        {
            TextRules.RequireText(errors, "q", text, MaxTextLength);
        }

        var number = Single(request, "number", errors);
        if (number is not null && !CaseNumbers.IsNumber(number))
        {
            errors.Add("number", "A case number is its template's prefix, a hyphen and at least four digits, e.g. ONB-0042.");
        }

        if (!errors.IsEmpty)
        {
            problem = ApiProblems.Invalid(errors.ToDictionary());
            return false;
        }

        filter = new CaseFilter(
            templateId,
            request.Query.ContainsKey("status") ? status : null,
            stage,
            owner,
            overdue,
            string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            number);
        return true;
    }

    /// <summary>
    /// The filter as a list of values that is the same for two requests exactly when they ask for the same cases
    /// (<c>owner=me</c> already resolved, the title text as it is compared): what a continuation token is bound to.
    /// </summary>
    public static IEnumerable<string?> Normalized(CaseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return
        [
            filter.TemplateId,
            filter.Status?.ToString(),
            filter.Stage,
            filter.Owner,
            filter.Overdue?.ToString(),
            filter.TitleContains is { } text ? CaseListing.SearchableTitle(text) : null,
            filter.Number,
            filter.Fields?.Normalized(),
        ];
    }

    private static string? Single(HttpRequest request, string name, ValidationErrors errors)
    {
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 || string.IsNullOrEmpty(values[0]))
        {
            errors.Add(name, $"Give {name} once, with a value.");
            return null;
        }

        return values[0];
    }

    private static bool? Invalid(ValidationErrors errors, string name, string message)
    {
        errors.Add(name, message);
        return null;
    }

    // The stage key rule of TemplateRules: anything else names no stage.
    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex StageKeyPattern();
}
