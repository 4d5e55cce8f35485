using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using CaseFy.Model.Json;
using CaseFy.Model.Timeline;
using CsvHelper;
using CsvHelper.Configuration;

namespace CaseFy.Application.Timeline;

/// <summary>
/// Writes a timeline to a stream as it is read from storage, flushing as it goes, so an export of any length uses
/// the same small amount of memory and the first bytes leave before the last entry is read.
/// </summary>
public static class TimelineExport
{
    /// <summary>The CSV columns. <c>reason</c> repeats <c>data.reason</c> (the free text people read most);
    /// <c>data</c> is the whole payload as a JSON object, so nothing is lost.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
        ["seq", "id", "type", "at", "stage", "actorId", "actorName", "reason", "data", "previousHash", "hash"];

    private const int FlushThreshold = 32 * 1024;

    public static string ContentType(TimelineExportFormat format) =>
        format == TimelineExportFormat.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";

    public static string FileName(string caseId, TimelineExportFormat format) =>
        $"case-{caseId}-timeline.{(format == TimelineExportFormat.Csv ? "csv" : "json")}";

    public static Task WriteAsync(
        IAsyncEnumerable<TimelineEntry> entries, TimelineExportFormat format, Stream output, CancellationToken cancellationToken) =>
        format == TimelineExportFormat.Csv
            ? WriteCsvAsync(entries, output, cancellationToken)
            : WriteJsonAsync(entries, output, cancellationToken);

    /// <summary>Writes a JSON array of entries.</summary>
    public static async Task WriteJsonAsync(IAsyncEnumerable<TimelineEntry> entries, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);

        // JsonSerializer flushes the writer after each value; over a pipe that only hands bytes on, whereas over the
        // response stream it would be a synchronous write, which ASP.NET Core refuses.
        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        await using (var writer = new Utf8JsonWriter(pipe))
        {
            writer.WriteStartArray();
            await foreach (var entry in entries.WithCancellation(cancellationToken))
            {
                JsonSerializer.Serialize(writer, entry, CaseFyJsonContext.Default.TimelineEntry);
                if (pipe.UnflushedBytes > FlushThreshold)
                {
                    await pipe.FlushAsync(cancellationToken);
                }
            }

            writer.WriteEndArray();
        }

        await pipe.CompleteAsync();
    }

    /// <summary>Writes a header row and one row per entry, quoting fields with commas, quotes or line breaks.</summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<TimelineEntry> entries, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);

        // Every write below is asynchronous: the ASP.NET Core response stream refuses synchronous writes.
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), FlushThreshold, leaveOpen: true);
        // A cell starting with =, @, +, -, tab or CR is prefixed with ' (CsvHelper's injection escaping), so a
        // spreadsheet shows it as text instead of running it as a formula; the JSON export stays verbatim.
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        await using var csv = new CsvWriter(text, configuration, leaveOpen: true);
        foreach (var column in CsvColumns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            csv.WriteField(entry.Seq);
            csv.WriteField(entry.Id);
            csv.WriteField(entry.Type);
            csv.WriteField(entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            csv.WriteField(entry.Stage);
            csv.WriteField(entry.Actor.Id);
            csv.WriteField(entry.Actor.Name);
            csv.WriteField(entry.Data.GetValueOrDefault("reason"));
            csv.WriteField(JsonSerializer.Serialize(entry.Data, CaseFyJsonContext.Default.IReadOnlyDictionaryStringString));
            csv.WriteField(entry.PreviousHash);
            csv.WriteField(entry.Hash);
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
        await text.FlushAsync(cancellationToken);
    }
}
