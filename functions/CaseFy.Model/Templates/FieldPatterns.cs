using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CaseFy.Model.Templates;

/// <summary>
/// A field's <c>pattern</c> comes from a template author, and values to match come from anyone with a portal link:
/// patterns run on .NET's non-backtracking engine (time linear in the input, so <c>(a+)+$</c> cannot run away), with
/// a match timeout as a second fence, and always match the whole value.
/// </summary>
public static class FieldPatterns
{
    /// <summary>How long one match may take before it is abandoned (a refusal, never a hang).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
    private const int MaxCached = 256;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Compiles a pattern, or says why it cannot be used.</summary>
    public static bool TryCompile(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        regex = null;
        if (pattern.Length is 0 or > FieldLimits.MaxPatternLength)
        {
            error = $"A pattern is 1-{FieldLimits.MaxPatternLength} characters.";
            return false;
        }

        if (Cache.TryGetValue(pattern, out regex))
        {
            error = null;
            return true;
        }

        try
        {
            // Compiled alone first: only a pattern that stands on its own (balanced, no trailing comment) is safe to wrap.
            _ = new Regex(pattern, Options, MatchTimeout);
            regex = new Regex($"\\A(?:{pattern})\\z", Options, MatchTimeout);
        }
        catch (ArgumentException)
        {
            error = "The pattern is not a valid regular expression.";
            return false;
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds, atomic groups and the like need backtracking: refused rather than risked.
            error = "The pattern uses a construct that needs backtracking (backreferences, lookarounds, atomic groups): not allowed.";
            return false;
        }

        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        Cache[pattern] = regex;
        error = null;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="value"/> matches <paramref name="pattern"/> as a whole; <see langword="null"/> when it could
    /// not be told in time.
    /// </summary>
    /// <remarks>
    /// The timeout counts wall-clock time, and the engine builds the automaton states a value needs while it matches (the
    /// first value of a kind pays for them): on a starved CPU that can exceed the timeout for a nine-character value. So a
    /// match that times out runs once more, on the states the first attempt kept; a second timeout is no verdict either
    /// (<see langword="null"/>), never "does not match".
    /// </remarks>
    public static bool? Matches(string pattern, string value) =>
        TryCompile(pattern, out var regex, out _) ? Matches(regex, value) : false;

    /// <summary><see cref="Matches(string, string)"/> with a compiled <paramref name="regex"/> (and its timeout).</summary>
    public static bool? Matches(Regex regex, string value)
    {
        ArgumentNullException.ThrowIfNull(regex);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                return regex.IsMatch(value);
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }

        return null;
    }
}
