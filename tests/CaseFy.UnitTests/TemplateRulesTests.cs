using CaseFy.Model;
using CaseFy.Model.Templates;

namespace CaseFy.UnitTests;

public sealed class TemplateRulesTests
{
    private static TemplateDraft Draft(params string?[] keys) =>
        new("Onboarding", null, [.. keys.Select(k => new StageDraft(k, $"Stage {k}"))]);

    [Fact]
    public void Validate_TwoDistinctStages_HasNoErrors()
    {
        Assert.Empty(TemplateRules.Validate(Draft("intake", "review")));
    }

    [Fact]
    public void Validate_NoStages_NamesStages()
    {
        Assert.Equal(["$.stages"], TemplateRules.Validate(Draft()).Keys);
    }

    [Fact]
    public void Validate_DuplicateKey_NamesTheLaterStage()
    {
        var errors = TemplateRules.Validate(Draft("intake", "review", "intake"));

        Assert.Equal(["$.stages[2].key"], errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Intake")]
    [InlineData("1st")]
    [InlineData("in take")]
    [InlineData("a-very-long-key-that-goes-on-beyond-forty-chars")]
    public void Validate_MalformedKey_NamesTheKey(string? key)
    {
        Assert.Equal(["$.stages[0].key"], TemplateRules.Validate(Draft(key)).Keys);
    }

    [Fact]
    public void Validate_TooManyStages_NamesStages()
    {
        var draft = Draft([.. Enumerable.Range(0, TemplateRules.MaxStages + 1).Select(i => $"s{i}")]);

        Assert.Contains("$.stages", TemplateRules.Validate(draft).Keys);
    }

    [Fact]
    public void Validate_MissingNameAndStageName_NamesBoth()
    {
        var errors = TemplateRules.Validate(new TemplateDraft(" ", null, [new StageDraft("intake", null)]));

        Assert.Equal(["$.name", "$.stages[0].name"], errors.Keys.Order());
    }

    [Fact]
    public void ToTemplate_ValidDraft_IsVersionOneWithTrimmedNames()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        var template = TemplateRules.ToTemplate(new TemplateDraft(" Claims ", "  ", [new StageDraft("intake", " Intake ")]), "t1", Actor.System, now);

        Assert.Equal((1, "Claims", (string?)null), (template.Version, template.Name, template.Description));
        Assert.Equal(("intake", "Intake"), (template.Stages[0].Key, template.Stages[0].Name));
    }
}
