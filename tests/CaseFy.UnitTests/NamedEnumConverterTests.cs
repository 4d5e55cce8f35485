using System.Text.Json;
using CaseFy.Model.Access;
using CaseFy.Model.Json;

namespace CaseFy.UnitTests;

public sealed class NamedEnumConverterTests
{
    [Theory]
    [InlineData("\"member\"", ParticipantRole.Member)]
    [InlineData("\"viewer\"", ParticipantRole.Viewer)]
    public void Read_JsonName_IsTheMember(string role, ParticipantRole expected)
    {
        var read = JsonSerializer.Deserialize($$"""{"id":"x","name":"Bo","role":{{role}}}""", CaseFyJsonContext.Default.NewParticipant);

        Assert.Equal(expected, read!.Role);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("1")]
    [InlineData("\"12\"")]
    [InlineData("\"Admin\"")]
    [InlineData("true")]
    public void Read_NumberOrUnknownName_IsRefused(string role)
    {
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize($$"""{"id":"x","name":"Bo","role":{{role}}}""", CaseFyJsonContext.Default.NewParticipant));
    }

    [Fact]
    public void Write_Member_IsItsJsonName()
    {
        var written = JsonSerializer.Serialize(new NewParticipant("x", "Bo", ParticipantRole.Owner), CaseFyJsonContext.Default.NewParticipant);

        Assert.Contains("\"role\":\"owner\"", written, StringComparison.Ordinal);
    }
}
