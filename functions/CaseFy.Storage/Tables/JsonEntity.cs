using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;

namespace CaseFy.Storage.Tables;

/// <summary>
/// Rows keep the model as JSON: the model can grow without a column migration, and values (timestamps
/// included) round-trip exactly, which the timeline's hash chain depends on. A string property holds at most
/// 64 KiB (32K UTF-16 characters), so longer JSON is split over <c>Data</c>, <c>Data1</c>, <c>Data2</c>…;
/// the 1 MiB entity limit is what remains, and the model's limits keep a case well below it.
/// </summary>
internal static class JsonEntity
{
    public const string DataProperty = "Data";
    private const int ChunkChars = 30_000;

    public static TableEntity Create<T>(string partitionKey, string rowKey, T value, JsonTypeInfo<T> typeInfo)
    {
        var json = JsonSerializer.Serialize(value, typeInfo);
        var entity = new TableEntity(partitionKey, rowKey) { [DataProperty] = json.Length <= ChunkChars ? json : json[..ChunkChars] };
        for (int offset = ChunkChars, part = 1; offset < json.Length; offset += ChunkChars, part++)
        {
            entity[DataProperty + part.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                json.Substring(offset, Math.Min(ChunkChars, json.Length - offset));
        }

        return entity;
    }

    /// <exception cref="InvalidDataException">The row has no data, or its data is not a valid <typeparamref name="T"/>.</exception>
    public static T Read<T>(TableEntity entity, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var json = new StringBuilder(entity.GetString(DataProperty) ?? "null");
        for (var part = 1; entity.GetString(DataProperty + part.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } chunk; part++)
        {
            json.Append(chunk);
        }

        try
        {
            return JsonSerializer.Deserialize(json.ToString(), typeInfo)
                ?? throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} has no data.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} does not hold valid data.", ex);
        }
    }
}
