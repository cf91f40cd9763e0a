using System.Globalization;
using System.Text;

namespace Chorus.Core.Entities;

/// <summary>
/// Folds a name to a comparison key: lower case, diacritics removed, a possessive <c>'s</c> dropped
/// ("Kim's" → "kim", "Oekraïne" → "oekraine"). Spelling-variant folding (oe/u, sj/sh) builds on this later.
/// </summary>
public static class NameKey
{
    public static string Fold(ReadOnlySpan<char> name)
    {
        if (name.Length > 2 && name[^2] is '\'' or '’' && name[^1] is 's' or 'S')
        {
            name = name[..^2];
        }

        var ascii = true;
        foreach (var c in name)
        {
            if (c > 0x7F)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            // Lower-cased in place, then one shared string per key: names repeat through an article and a corpus.
            Span<char> folded = name.Length <= Text.WordPool.MaxLength ? stackalloc char[name.Length] : new char[name.Length];
            name.ToLowerInvariant(folded);
            return Text.WordPool.Of(folded);
        }

        var decomposed = name.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c == '’' ? '\'' : c));
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
