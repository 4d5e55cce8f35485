using CaseFy.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace CaseFy.Application.Telemetry;

/// <summary>
/// Takes portal tokens and secrets out of a log record's message, body and attributes before any OpenTelemetry
/// exporter sees it (e.g. a request path logged by a framework component at Debug).
/// </summary>
public sealed class RedactingLogProcessor : BaseProcessor<LogRecord>
{
    /// <inheritdoc/>
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FormattedMessage is { } message)
        {
            data.FormattedMessage = TelemetryRedaction.Redact(message);
        }

        if (data.Body is { } body)
        {
            data.Body = TelemetryRedaction.Redact(body);
        }

        if (data.Attributes is { } attributes && attributes.Any(a => a.Value is string text && !ReferenceEquals(TelemetryRedaction.Redact(text), text)))
        {
            data.Attributes = [.. attributes.Select(a => a.Value is string text ? new KeyValuePair<string, object?>(a.Key, TelemetryRedaction.Redact(text)) : a)];
        }
    }
}
