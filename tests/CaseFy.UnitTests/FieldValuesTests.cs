using System.Text.Json;
using System.Text.RegularExpressions;
using CaseFy.Model;
using CaseFy.Model.Templates;

namespace CaseFy.UnitTests;

/// <summary>Each field type's values: what it accepts and what it refuses, and the field's own rules on top.</summary>
public sealed class FieldValuesTests
{
    private static readonly Dictionary<string, FieldDefinition> Fields = new()
    {
        ["text"] = new("text", "Text", FieldType.Text) { MaxLength = 10 },
        ["code"] = new("code", "Code", FieldType.Text) { Pattern = "[A-Z]{2}-[0-9]{4}" },
        ["longText"] = new("longText", "Long text", FieldType.LongText),
        ["number"] = new("number", "Number", FieldType.Number) { Min = Json("-5"), Max = Json("10.5") },
        ["money"] = new("money", "Money", FieldType.Money) { Currency = "EUR", Min = Json("0") },
        ["date"] = new("date", "Date", FieldType.Date) { Min = Json("\"2026-01-01\""), Max = Json("\"2026-12-31\"") },
        ["dateTime"] = new("dateTime", "Moment", FieldType.DateTime) { Max = Json("\"2026-06-01T00:00:00Z\"") },
        ["boolean"] = new("boolean", "Yes?", FieldType.Boolean),
        ["choice"] = new("choice", "Choice", FieldType.Choice) { Options = ["HR", "IT"] },
        ["multiChoice"] = new("multiChoice", "Choices", FieldType.MultiChoice) { Options = ["a", "b", "c"] },
        ["email"] = new("email", "E-mail", FieldType.Email),
        ["phone"] = new("phone", "Phone", FieldType.Phone),
        ["url"] = new("url", "URL", FieldType.Url),
    };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("text", "\"Ana\"")]
    [InlineData("text", "\"0123456789\"")]
    [InlineData("code", "\"AB-1234\"")]
    [InlineData("longText", "\"line one\\nline two\\ttabbed\"")]
    [InlineData("number", "-5")]
    [InlineData("number", "10.5")]
    [InlineData("number", "3")]
    [InlineData("money", "1234.567")]
    [InlineData("money", "0")]
    [InlineData("money", "12.5000")]
    [InlineData("date", "\"2026-01-01\"")]
    [InlineData("date", "\"2026-12-31\"")]
    [InlineData("dateTime", "\"2026-03-03T12:00:00Z\"")]
    [InlineData("dateTime", "\"2026-06-01T02:00:00+02:00\"")]
    [InlineData("boolean", "true")]
    [InlineData("boolean", "false")]
    [InlineData("choice", "\"HR\"")]
    [InlineData("multiChoice", "[]")]
    [InlineData("multiChoice", "[\"c\",\"a\"]")]
    [InlineData("email", "\"ana@example.org\"")]
    [InlineData("phone", "\"+49 (30) 123-45.67\"")]
    [InlineData("url", "\"https://example.org/a?b=c\"")]
    [InlineData("url", "\"http://intranet.example/x\"")]
    public void Check_ValueOfItsType_IsAccepted(string field, string json)
    {
        var errors = new ValidationErrors();

        FieldValues.Check(errors, "$." + field, Fields[field], Json(json));

        Assert.True(errors.IsEmpty, string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
    }

    [Theory]
    [InlineData("text", "42")]
    [InlineData("text", "\"eleven char\"")]
    [InlineData("text", "\"   \"")]
    [InlineData("text", "\"\"")]
    [InlineData("text", "\"two\\nlines\"")]
    [InlineData("text", "{\"nested\":1}")]
    [InlineData("code", "\"ab-1234\"")]
    [InlineData("code", "\"AB-1234x\"")]
    [InlineData("longText", "\"bell\\u0007\"")]
    [InlineData("text", "\"lone \\ud800 surrogate\"")]
    [InlineData("choice", "\"\\udfff\"")]
    [InlineData("multiChoice", "[\"\\ud800\"]")]
    [InlineData("date", "\"\\ud800\"")]
    [InlineData("dateTime", "\"\\ud800\"")]
    [InlineData("number", "\"3\"")]
    [InlineData("number", "-5.01")]
    [InlineData("number", "11")]
    [InlineData("number", "1e400")]
    [InlineData("number", "true")]
    [InlineData("money", "1.2345")]
    [InlineData("money", "-1")]
    [InlineData("date", "\"2025-12-31\"")]
    [InlineData("date", "\"2027-01-01\"")]
    [InlineData("date", "\"2026-02-30\"")]
    [InlineData("date", "\"2026-03-03T00:00:00Z\"")]
    [InlineData("date", "20260303")]
    [InlineData("dateTime", "\"2026-03-03T12:00:00\"")]
    [InlineData("dateTime", "\"2026-06-01T00:00:01Z\"")]
    [InlineData("dateTime", "\"yesterday\"")]
    [InlineData("boolean", "\"true\"")]
    [InlineData("boolean", "1")]
    [InlineData("choice", "\"hr\"")]
    [InlineData("choice", "[\"HR\"]")]
    [InlineData("multiChoice", "\"a\"")]
    [InlineData("multiChoice", "[\"a\",\"d\"]")]
    [InlineData("multiChoice", "[\"a\",\"a\"]")]
    [InlineData("multiChoice", "[1]")]
    [InlineData("email", "\"ana.example.org\"")]
    [InlineData("email", "\"ana@localhost\"")]
    [InlineData("phone", "\"call me\"")]
    [InlineData("phone", "\"12\"")]
    [InlineData("url", "\"ftp://example.org/x\"")]
    [InlineData("url", "\"/relative\"")]
    [InlineData("url", "\"javascript:alert(1)\"")]
    public void Check_ValueNotOfItsTypeOrOutOfItsRules_IsRefusedAtItsPath(string field, string json)
    {
        var errors = new ValidationErrors();

        FieldValues.Check(errors, "$." + field, Fields[field], Json(json));

        Assert.Equal(["$." + field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Check_TextBeyondTheTypeLimit_IsRefusedEvenWithoutMaxLength()
    {
        var errors = new ValidationErrors();
        var huge = JsonSerializer.SerializeToElement(new string('x', FieldLimits.MaxLength(FieldType.LongText) + 1));

        FieldValues.Check(errors, "$.longText", Fields["longText"], huge);

        Assert.Equal(["$.longText"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void TryCompile_Pattern_RunsWithoutBacktrackingAndWithATimeout()
    {
        Assert.True(FieldPatterns.TryCompile("(a+)+$", out var regex, out _));

        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(FieldPatterns.MatchTimeout, regex.MatchTimeout);
    }

    [Fact]
    public void Matches_CatastrophicBacktrackingInput_AnswersAndMatchesWholeValuesOnly()
    {
        // On a backtracking engine (a+)+$ against 'aaaa…!' takes exponential time; here it is linear.
        var evil = new string('a', 50_000) + "!";

        Assert.False(FieldPatterns.Matches("(a+)+$", evil));
        Assert.True(FieldPatterns.Matches("(a+)+$", new string('a', 50_000)));
        Assert.False(FieldPatterns.Matches("[0-9]+", "12a"));
        Assert.True(FieldPatterns.Matches("[0-9]+|x", "x"));
        Assert.False(FieldPatterns.Matches("[0-9]+|x", "1x"));
    }

    [Fact]
    public void Matches_OutOfTimeTwice_IsNoVerdictRatherThanAMismatch()
    {
        // The timeout counts wall-clock time, so a starved CPU can run it out on a valid value: that must not read as
        // "does not match". Ten million characters cannot be matched within 1 ms, on either attempt.
        var regex = new Regex(@"\A(?:(a+)+$)\z", RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(1));

        Assert.Null(FieldPatterns.Matches(regex, new string('a', 10_000_000)));
        Assert.True(FieldPatterns.Matches(new Regex(@"\A(?:[A-Z0-9]+)\z", RegexOptions.NonBacktracking, FieldPatterns.MatchTimeout), "AB1234567"));
    }
}
