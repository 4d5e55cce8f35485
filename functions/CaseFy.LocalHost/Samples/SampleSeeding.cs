namespace CaseFy.LocalHost.Samples;

/// <summary>What <see cref="SampleSeeder"/> loads: the templates in <paramref name="Folder"/>, and sample cases when <paramref name="WithCases"/>.</summary>
public sealed record SampleSeeding(string Folder, bool WithCases);
