using System.Diagnostics.CodeAnalysis;

namespace CaseFy.Model.Templates;

/// <summary>
/// Where a case goes when it leaves a stage, parsed from a decision option's outcome: <c>next</c> (the next stage,
/// or closure as <c>completed</c> after the last), <c>goToStage:{key}</c>, or <c>close:{outcome}</c>.
/// </summary>
/// <param name="Kind">Which of the three.</param>
/// <param name="Target">The stage key (go to) or the closing outcome (close); empty for next.</param>
public sealed record StageRoute(StageRouteKind Kind, string Target)
{
    public static StageRoute Next { get; } = new(StageRouteKind.Next, string.Empty);

    public static bool TryParse(string? text, [NotNullWhen(true)] out StageRoute? route)
    {
        route = null;
        if (text == "next")
        {
            route = Next;
        }
        else if (text?.StartsWith("goToStage:", StringComparison.Ordinal) == true && TemplateKeys.IsKey(text["goToStage:".Length..]))
        {
            route = new StageRoute(StageRouteKind.GoToStage, text["goToStage:".Length..]);
        }
        else if (text?.StartsWith("close:", StringComparison.Ordinal) == true && TemplateKeys.IsKey(text["close:".Length..]))
        {
            route = new StageRoute(StageRouteKind.Close, text["close:".Length..]);
        }

        return route is not null;
    }

    /// <summary>Parses an outcome that validation already accepted.</summary>
    public static StageRoute Parse(string text) =>
        TryParse(text, out var route) ? route : throw new FormatException($"'{text}' is not a stage route.");
}

/// <summary>The kinds of <see cref="StageRoute"/>.</summary>
public enum StageRouteKind
{
    Next,
    GoToStage,
    Close,
}
