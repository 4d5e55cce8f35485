using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CaseFy.TelemetryTests;

/// <summary>
/// What a host's telemetry exports, caught in memory: in-memory exporters added to the host's own OpenTelemetry
/// providers (after its redaction, like any configured exporter), and every log line as a logger provider receives it
/// (what the console or any other provider would write).
/// </summary>
public sealed class TelemetryCapture : ILoggerProvider
{
    // The exporters add from the threads that end spans and log; a snapshot is read under the same lock.
    private readonly LockedCollection<Activity> _spans = [];
    private readonly LockedCollection<LogRecord> _records = [];
    private readonly LockedCollection<MetricSnapshot> _metrics = [];
    private readonly ConcurrentQueue<string> _lines = new();
    private IServiceProvider? _services;

    /// <summary>Registers the exporters and this logger provider on a host about to be built.</summary>
    public void Register(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(_records));
        services.AddSingleton<ILoggerProvider>(this);
    }

    /// <summary>After the host started: where its providers live, to flush them.</summary>
    public void Attach(IServiceProvider services) => _services = services;

    /// <summary>Exported spans (every span of the process: listeners are process-wide, so filter by trace or case).</summary>
    public IReadOnlyList<Activity> Spans => _spans.Snapshot();

    /// <summary>Every text a span exported carries: name, status, tags, events and their tags.</summary>
    public IEnumerable<string> SpanTexts() => Spans.SelectMany(span =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? string.Empty }
            .Concat(span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => $"{e.Name} {tag.Key}={tag.Value}").Append(e.Name))));

    /// <summary>Every text an exported log record carries: message, body, attributes.</summary>
    public IEnumerable<string> LogRecordTexts() => _records.Snapshot().SelectMany(record =>
        new[] { record.FormattedMessage ?? string.Empty, record.Body ?? string.Empty }
            .Concat((record.Attributes ?? []).Select(a => $"{a.Key}={a.Value}")));

    /// <summary>Every log line as written to a logger provider (category, message, exception text).</summary>
    public IReadOnlyCollection<string> LogLines => _lines;

    /// <summary>The sum of a counter's points after a flush.</summary>
    public double CounterTotal(string name)
    {
        Flush();
        var latest = _metrics.Snapshot().LastOrDefault(m => m.Name == name);
        return latest is null ? 0 : latest.MetricPoints.Sum(p => p.GetSumLong());
    }

    /// <summary>How many values a histogram holds after a flush.</summary>
    public long HistogramCount(string name)
    {
        Flush();
        var latest = _metrics.Snapshot().LastOrDefault(m => m.Name == name);
        return latest is null ? 0 : latest.MetricPoints.Sum(p => p.GetHistogramCount());
    }

    public ILogger CreateLogger(string categoryName) => new LineLogger(categoryName, _lines);

    public void Dispose()
    {
    }

    private void Flush()
    {
        _services?.GetRequiredService<MeterProvider>().ForceFlush();
        _services?.GetRequiredService<TracerProvider>().ForceFlush();
    }

    private sealed class LockedCollection<T> : Collection<T>
    {
        private readonly Lock _gate = new();

        public T[] Snapshot()
        {
            lock (_gate)
            {
                return [.. this];
            }
        }

        protected override void InsertItem(int index, T item)
        {
            lock (_gate)
            {
                base.InsertItem(index, item);
            }
        }

        protected override void ClearItems()
        {
            lock (_gate)
            {
                base.ClearItems();
            }
        }
    }

    private sealed class LineLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
