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

    public static string Serialize(StoryProfile profile) => JsonSerializer.Serialize(profile, Options);

    /// <summary>The same text as <see cref="Serialize(StoryProfile)"/>, as UTF-8.</summary>
    public static byte[] SerializeToUtf8(StoryProfile profile) => JsonSerializer.SerializeToUtf8Bytes(profile, Options);

    public static StoryProfile DeserializeProfile(string json)
        => JsonSerializer.Deserialize<StoryProfile>(json, Options) ?? throw new InvalidDataException("empty story profile");

    public static string SerializeVariants(Dictionary<string, int> variants) => JsonSerializer.Serialize(variants, Options);

    public static Dictionary<string, int> DeserializeVariants(string json)
        => new(JsonSerializer.Deserialize<Dictionary<string, int>>(json, Options) ?? [], StringComparer.Ordinal);

    public static string Serialize(Assignment assignment) => JsonSerializer.Serialize(assignment, Options);

    public static Assignment? DeserializeAssignment(string? json)
        => json is null ? null : JsonSerializer.Deserialize<Assignment>(json, Options);
}
