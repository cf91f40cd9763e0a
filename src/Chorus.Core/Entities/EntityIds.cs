using Chorus.Core.Analysis;

namespace Chorus.Core.Entities;

/// <summary>
/// Entity ids before cross-article resolution: one id per type and folded name ("Oekraïne" and "Oekraine"
/// share one). The resolver of spelling variants (Sjojgoe = Shoigu) merges these ids into larger entities.
/// </summary>
public static class EntityIds
{
    /// <summary>
    /// How many merges an id is followed through to the entity it lives in now. Every walker of the alias chain uses
    /// this one bound: a longer chain can only be a cycle left by a damaged store, and stops there instead of looping.
    /// </summary>
    public const int MaxAliasHops = 32;

    /// <summary>The id of a type and name; derived from the type's code ("PER:…"), so ids never change with the enum.</summary>
    public static string Provisional(EntityType type, string surface)
    {
        // FNV-1a over the type's code, ':' and the folded name, read where they lie rather than joined into one string:
        // entity linking asks for every local entity of every article, in the serial part.
        var h = 14695981039346656037UL;
        foreach (var c in type.Code())
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h = (h ^ ':') * 1099511628211UL;
        foreach (var c in NameKey.Fold(surface.AsSpan().Trim()))
        {
            h = (h ^ c) * 1099511628211UL;
        }

        // "e" and the first 12 of the hash's 16 hex digits, most significant first.
        return string.Create(13, h, static (id, hash) =>
        {
            id[0] = 'e';
            for (var i = 1; i < id.Length; i++)
            {
                id[i] = "0123456789abcdef"[(int)(hash >> (64 - (4 * i))) & 0xF];
            }
        });
    }
}
