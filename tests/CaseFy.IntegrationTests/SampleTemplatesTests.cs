using CaseFy.Application.Templates;

namespace CaseFy.IntegrationTests;

public sealed class SampleTemplatesTests
{
    [Fact]
    public void Read_ShippedSamples_AreThreeValidTemplatesWithStableIds()
    {
        var samples = SampleTemplates.Read(SamplesFolder());

        Assert.Equal(3, samples.Count);
        Assert.Equal(samples.Select(s => s.Id), SampleTemplates.Read(SamplesFolder()).Select(s => s.Id));
        Assert.All(samples, s => Assert.Matches("^[0-9a-f]{32}$", s.Id));
    }

    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseFy.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "templates");
            }
        }

        throw new InvalidOperationException("No CaseFy.sln above the test output.");
    }
}
