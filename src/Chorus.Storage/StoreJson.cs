using System.Text.Json;
using System.Text.Json.Serialization;
using Chorus.Core.Stories;

namespace Chorus.Storage;

/// <summary>How story profiles and assignments are serialised inside the store (not a public contract).</summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // Assignments (every article) and entity variants are written inside ingest's serial part: through code generated
    // for their types (the same JSON as Options gives, StoreJsonTests), not through reflection-built converters. Story
    // profiles are stored in a binary form (StoryProfileCodec); their JSON is read from stores written before it.
    public static string Serialize(StoryProfile profile) => JsonSerializer.Serialize(profile, StoreJsonContext.Default.StoryProfile);

    public static StoryProfile DeserializeProfile(string json)
        => JsonSerializer.Deserialize(json, StoreJsonContext.Default.StoryProfile) ?? throw new InvalidDataException("empty story profile");

    public static string SerializeVariants(Dictionary<string, int> variants) => JsonSerializer.Serialize(variants, StoreJsonContext.Default.DictionaryStringInt32);

    public static Dictionary<string, int> DeserializeVariants(string json)
        => new(JsonSerializer.Deserialize(json, StoreJsonContext.Default.DictionaryStringInt32) ?? [], StringComparer.Ordinal);

    public static string Serialize(Assignment assignment) => JsonSerializer.Serialize(assignment, StoreJsonContext.Default.Assignment);

    public static Assignment? DeserializeAssignment(string? json)
        => json is null ? null : JsonSerializer.Deserialize(json, StoreJsonContext.Default.Assignment);
}

/// <summary>Serialisation code generated for what the store keeps as JSON, with <see cref="StoreJson.Options"/>'s settings.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoryProfile))]
[JsonSerializable(typeof(Assignment))]
[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
