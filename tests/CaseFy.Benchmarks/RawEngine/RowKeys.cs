using System.Globalization;

namespace CaseFy.Benchmarks.RawEngine;

/// <summary>The row keys the raw orchestration writes.</summary>
public static class RowKeys
{
    public static string Entered(int stage) => "entered-" + stage.ToString("D4", CultureInfo.InvariantCulture);

    public static string Exited(int stage) => "exited-" + stage.ToString("D4", CultureInfo.InvariantCulture);
}
