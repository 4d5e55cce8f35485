using CaseFy.Model;

namespace CaseFy.UnitTests;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\system.ini", "system.ini")]
    [InlineData("C:\\Users\\eve\\cv.docx", "cv.docx")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("a\u0000b\u0007c\r\n.txt", "abc.txt")]
    [InlineData("zero\u200Bwidth.txt", "zerowidth.txt")]
    [InlineData("..", "file")]
    [InlineData("   ", "file")]
    [InlineData("/", "file")]
    [InlineData(null, "file")]
    [InlineData(" .hidden ", "hidden")]
    [InlineData("résumé 2026.pdf", "résumé 2026.pdf")]
    public void Sanitize_HostileNames_KeepsOnlyASafeLastSegment(string? name, string expected) =>
        Assert.Equal(expected, FileNames.Sanitize(name));

    [Fact]
    public void Sanitize_VeryLongName_IsCappedAndKeepsTheExtension()
    {
        var result = FileNames.Sanitize(new string('a', 5000) + ".pdf");

        Assert.Equal(FileNames.MaxLength, result.Length);
        Assert.EndsWith(".pdf", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_LongNameOfEmoji_NeverSplitsASurrogatePair()
    {
        var result = FileNames.Sanitize(string.Concat(Enumerable.Repeat("😀", 300)));

        Assert.True(result.Length <= FileNames.MaxLength);
        Assert.False(char.IsHighSurrogate(result[^1]));
    }
}
