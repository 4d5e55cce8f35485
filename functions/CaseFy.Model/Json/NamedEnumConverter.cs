using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFy.Model.Json;

/// <summary>
/// Reads and writes an enum by its JSON name only (<c>[JsonStringEnumMemberName]</c>). The stock string-enum
/// converter also reads integers (<c>"role": 12</c>), even ones no member has, which would store a value no rule
/// knows: a client could then pass a role check written as "not owner". Numbers, numeric strings and unknown names
/// are a <see cref="JsonException"/>, so a 400.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class NamedEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
