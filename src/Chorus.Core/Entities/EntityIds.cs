using System.Globalization;
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
        var key = type.Code() + ":" + NameKey.Fold(surface.AsSpan().Trim());
        var h = 14695981039346656037UL;
        foreach (var c in key)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return "e" + h.ToString("x16", CultureInfo.InvariantCulture)[..12];
    }
}
