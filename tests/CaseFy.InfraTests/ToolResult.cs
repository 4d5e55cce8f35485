namespace CaseFy.InfraTests;

/// <summary>What one run of a command-line tool (the Bicep CLI, node) printed and returned.</summary>
internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
