using Chorus.Core.Analysis;

namespace Chorus.Core.Entities;

/// <summary>
/// Blocking keys of entity resolution: an entity is compared only with entities that share a block with the name
/// being linked, so the work per name does not grow with the store.
/// </summary>
public static class EntityBlocks
{
    /// <summary>
    /// Type plus the first three letters of the first and last part keys: catches transliterations and one-edit typos
    /// past the third letter. A listed place or organisation also gets its key, which its names in other languages share.
    /// </summary>
    public static IEnumerable<string> Of(EntityType type, string name)
    {
        var code = type.Code();
        var parts = TransliterationKey.Parts(name);
        if (parts.Length == 0)
        {
            yield break;
        }

        yield return code + ":" + Prefix(parts[0]);
        if (parts.Length > 1)
        {
            yield return code + ":" + Prefix(parts[^1]);
        }

        if (type is EntityType.Location or EntityType.Organisation && TranslatedNames.Default.KeyOf(name) is { } key)
        {
            yield return code + "=" + key;
        }
    }

    /// <summary>The block that holds an entity by its id: how an entity is found by id, and whether an id is taken.</summary>
    public static string OfId(string id) => "#" + id;

    private static string Prefix(string key) => key.Length <= 3 ? key : key[..3];
}
