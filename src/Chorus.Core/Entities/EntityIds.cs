using System.Globalization;

namespace Chorus.Core.Entities;

/// <summary>
/// Entity ids before cross-article resolution: one id per type and folded name ("Oekraïne" and "Oekraine"
/// share one). The resolver of spelling variants (Sjojgoe = Shoigu) merges these ids into larger entities.
/// </summary>
public static class EntityIds
{
    public static string Provisional(string type, string surface)
    {
        ArgumentNullException.ThrowIfNull(type);
        var key = type + ":" + NameKey.Fold(surface.AsSpan().Trim());
        var h = 14695981039346656037UL;
        foreach (var c in key)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return "e" + h.ToString("x16", CultureInfo.InvariantCulture)[..12];
    }
}
