using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CaseFy.Telemetry;

/// <summary>
/// CaseFy's own spans and instruments, both named <see cref="Name"/>. They cost almost nothing until a listener
/// (an OpenTelemetry exporter) subscribes; every span that concerns one case carries <see cref="CaseFyTags.CaseId"/>,
/// which is how a request's trace and the orchestration's later work on that case find each other.
/// </summary>
public static class CaseFyTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "CaseFy";

    /// <summary>Where CaseFy's spans come from.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Where CaseFy's counters live (see <see cref="CaseFyMetrics"/>).</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>A span around one storage call (a client span: it leaves the process).</summary>
    /// <param name="operation">Low-cardinality, e.g. <c>case.update</c>.</param>
    /// <param name="caseId">The case concerned, if any.</param>
    public static Activity? StartStorage(string operation, string? caseId = null) =>
        Start("storage " + operation, ActivityKind.Client, caseId);

    /// <summary>A span around one call to the orchestration engine (start, signal, repair).</summary>
    public static Activity? StartEngine(string operation, string caseId) =>
        Start("engine " + operation, ActivityKind.Client, caseId);

    /// <summary>A span around one orchestration activity's run.</summary>
    public static Activity? StartOrchestrationActivity(string activity, string caseId) =>
        Start("activity " + activity, ActivityKind.Internal, caseId);

    /// <summary>A span around publishing one case's due lifecycle events.</summary>
    public static Activity? StartEventPublication(string caseId) =>
        Start("events publish", ActivityKind.Producer, caseId);

    /// <summary>Marks a span failed (the exception's type only: messages may quote input).</summary>
    public static void Fail(this Activity? span, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }

    private static Activity? Start(string name, ActivityKind kind, string? caseId)
    {
        var span = Source.StartActivity(name, kind);
        if (span is not null && caseId is not null)
        {
            span.SetTag(CaseFyTags.CaseId, caseId);
        }

        return span;
    }
}
