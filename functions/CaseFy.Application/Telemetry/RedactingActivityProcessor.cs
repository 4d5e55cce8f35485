using System.Diagnostics;
using CaseFy.Telemetry;
using OpenTelemetry;

namespace CaseFy.Application.Telemetry;

/// <summary>
/// Runs before every exporter and takes portal tokens and secrets out of a finished span's name and tags
/// (<c>url.path</c>, <c>url.full</c>, <c>url.query</c> and any other string): whatever the instrumentation recorded,
/// no exporter sees a capability URL. See <see cref="TelemetryRedaction"/> for what is redacted.
/// </summary>
public sealed class RedactingActivityProcessor : BaseProcessor<Activity>
{
    /// <inheritdoc/>
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.DisplayName = TelemetryRedaction.Redact(data.DisplayName);
        List<KeyValuePair<string, string>>? changed = null;
        foreach (var tag in data.TagObjects)
        {
            if (tag.Value is string text && !ReferenceEquals(TelemetryRedaction.Redact(text), text))
            {
                (changed ??= []).Add(new(tag.Key, TelemetryRedaction.Redact(text)));
            }
        }

        // Tags are changed after the walk: SetTag during it would change the collection being enumerated.
        foreach (var (key, value) in changed ?? [])
        {
            data.SetTag(key, value);
        }
    }
}
