using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseFy.Model.Json;

namespace CaseFy.Model.Timeline;

/// <summary>The hash chain that makes a timeline tamper-evident: each entry hashes its fields and its predecessor's hash.</summary>
public static class TimelineChain
{
    /// <summary>The "previous hash" of a case's first entry.</summary>
    public const string Genesis = "genesis";

    /// <summary>Computes the hash an entry must carry.</summary>
    public static string ComputeHash(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // A JSON array is an unambiguous encoding: no separator inside a value can shift the fields.
        var fields = new List<string>
        {
            entry.Id,
            entry.CaseId,
            entry.Seq.ToString(CultureInfo.InvariantCulture),
            entry.Type,
            entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            entry.Actor.Id,
            entry.Actor.Name,
            entry.Stage,
            entry.PreviousHash,
        };
        foreach (var pair in entry.Data.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            fields.Add(pair.Key);
            fields.Add(pair.Value);
        }

        var canonical = JsonSerializer.SerializeToUtf8Bytes(fields, CaseFyJsonContext.Default.ListString);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    /// <summary>Checks entries in order; returns the sequence number of the first entry that breaks the chain, if any.</summary>
    /// <param name="entries">The entries from seq 1 upwards.</param>
    /// <returns><see langword="null"/> when the chain is whole.</returns>
    public static long? FindFirstBrokenLink(IEnumerable<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);

        // No recorded length or head to compare with: only the links between the entries are checked.
        var verifier = new TimelineVerifier(long.MaxValue, timelineHead: string.Empty);
        foreach (var entry in entries)
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        return verifier.FirstBrokenSeq;
    }
}
