namespace CaseFy.InfraTests;

public class PlaceholderTests
{
    [Fact]
    public void Placeholder_Runs() => Assert.True(Directory.Exists(AppContext.BaseDirectory));
}
