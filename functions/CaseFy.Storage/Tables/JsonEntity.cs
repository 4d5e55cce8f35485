using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;

namespace CaseFy.Storage.Tables;

/// <summary>
/// Rows keep the model as one JSON property: the model can grow without a column migration, and values
/// (timestamps included) round-trip exactly, which the timeline's hash chain depends on.
/// </summary>
internal static class JsonEntity
{
    public const string DataProperty = "Data";

    public static TableEntity Create<T>(string partitionKey, string rowKey, T value, JsonTypeInfo<T> typeInfo) =>
        new(partitionKey, rowKey) { [DataProperty] = JsonSerializer.Serialize(value, typeInfo) };

    /// <exception cref="InvalidDataException">The row has no data, or its data is not a valid <typeparamref name="T"/>.</exception>
    public static T Read<T>(TableEntity entity, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(entity.GetString(DataProperty) ?? "null", typeInfo)
                ?? throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} has no data.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} does not hold valid data.", ex);
        }
    }
}
