using System.Text.Json;

namespace Chorus.Evaluation;

/// <summary>
/// Reads fields of the Recognizers-Text specification JSON without throwing: a field of the wrong kind reads as absent,
/// so a malformed case becomes a clear error from the parser instead of an exception.
/// </summary>
internal static class SpecJson
{
    public static string? String(JsonElement obj, string name)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static int? Int(JsonElement obj, string name)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    /// <summary>The elements of an array field; none when the field is missing or not an array.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement obj, string name)
        => Child(obj, name, JsonValueKind.Array) is { } array ? array.EnumerateArray() : [];

    public static JsonElement? Child(JsonElement obj, string name, JsonValueKind kind)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == kind ? v : null;
}
