using System.Text;

namespace CaseFy.Storage.Tables;

/// <summary>
/// A person's partition key (their cases in the case index, their tasks in the task index, their notifications).
/// Partition keys may not contain '/', '\\', '#', '?' or control characters: anything unusual in an id is hex-encoded.
/// </summary>
internal static class PersonPartitionKey
{
    public static string Of(string personId) =>
        personId.Length is > 0 and <= 200 && personId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@')
            ? "a-" + personId
            : "x-" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(personId));
}
