using CaseFy.Model.Access;

namespace CaseFy.Model.Notifications;

/// <summary>
/// <c>@Name</c> mentions in a comment, resolved against the case's participants by their display name (case-insensitive,
/// names with spaces included). The longest name wins where names share a start (<c>@Ana Maria</c> over <c>@Ana</c>).
/// </summary>
public static class Mentions
{
    /// <summary>The ids of the participants <paramref name="text"/> mentions.</summary>
    public static IReadOnlyList<string> Find(string text, IReadOnlyList<CaseParticipant> participants)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(participants);
        var byLongestName = participants.Where(p => p.Name.Length > 0).OrderByDescending(p => p.Name.Length).ToList();
        var found = new List<string>();
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var start = at + 1;
            var match = byLongestName.FirstOrDefault(p => NameAt(text, start, p.Name));
            if (match is not null && !found.Contains(match.Id, StringComparer.Ordinal))
            {
                found.Add(match.Id);
            }
        }

        return found;
    }

    // The name stands at start as a whole word: not "@Anabel" for "Ana".
    private static bool NameAt(string text, int start, string name) =>
        string.Compare(text, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
        && text.Length - start >= name.Length
        && (text.Length - start == name.Length || !char.IsLetterOrDigit(text[start + name.Length]));
}
