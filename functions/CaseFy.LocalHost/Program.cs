using CaseFy.LocalHost;

await using var app = await LocalHostApp.BuildAsync(args);
await app.RunAsync();

/// <summary>The local host's entry point (public for tests).</summary>
public partial class Program;
