using Chorus.Core.Analysis;
using Chorus.Core.Text;

namespace Chorus.Core.Stories.Comparison;

/// <summary>
/// The names a story's reports were found to contain, by their written form: where one outlet's text was tagged
/// ("Het Amerikaanse Helion neemt Nexa Semiconductors over") and another's was not ("US group Helion is buying Dutch
/// chipmaker Nexa Semiconductors"), a capitalised run of words spelling the name is read as the same entity. A form two
/// entities of one type share in the story (two men named "Kim") names neither; a form tagged as two types ("Helion" an
/// organisation in one sentence and a place in the next) names both, as the tagger could not tell which.
/// </summary>
internal sealed class StoryNames
{
    private const int MaxWords = 5;
    private const int MaxLength = 120;

    private readonly Dictionary<string, (string Id, EntityType Type)[]?> _byForm;
    private readonly Dictionary<string, (string Id, EntityType Type)[]?>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StoryNames(Dictionary<string, (string Id, EntityType Type)[]?> byForm)
    {
        _byForm = byForm;
        _lookup = byForm.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static StoryNames Of(IReadOnlyList<ComparedArticle> articles)
    {
        var byForm = new Dictionary<string, (string Id, EntityType Type)[]?>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var entities = article.Analyzed.Entities;
            for (var e = 0; e < entities.Count && e < article.EntityIds.Count; e++)
            {
                var mention = entities[e];
                // A name as written, capitalised: not "Amerikaanse" for the United States, nor a role word.
                if (mention.Kind != MentionKind.Name || mention.End - mention.Start < 2 || !char.IsUpper(article.Text[mention.Start]))
                {
                    continue;
                }

                var form = Form(article.Text.AsSpan(mention.Start, mention.End - mention.Start));
                if (form.Length is 0 or > MaxLength || form.Count(' ') >= MaxWords)
                {
                    continue;
                }

                var name = (article.EntityIds[e], mention.Type);
                if (!byForm.TryGetValue(form, out var known))
                {
                    byForm[form] = [name];
                }
                else if (known is not null && !known.Contains(name))
                {
                    byForm[form] = known.Any(k => k.Type == name.Type) ? null : [.. known, name];
                }
            }
        }

        return new StoryNames(byForm);
    }

    /// <summary>
    /// The longest name of the story that the capitalised token at <paramref name="k"/> begins (up to five tokens, ending
    /// before <paramref name="end"/>), with its word count; null when none does or the form is ambiguous. In German, a
    /// town's adjective is its name and -er, whatever follows ("der Rotterdamer Zoo", "im Berliner Zentrum"): a single
    /// such word names the story's place of that name.
    /// </summary>
    public (int Words, (string Id, EntityType Type)[] Names)? Match(string text, IReadOnlyList<Token> tokens, int k, int end, string lang)
    {
        if (_byForm.Count == 0 || !char.IsUpper(text[tokens[k].Start]))
        {
            return null;
        }

        Span<char> buffer = stackalloc char[MaxLength];
        for (var n = Math.Min(MaxWords, tokens.Count - k); n >= 1; n--)
        {
            var last = tokens[k + n - 1];
            if (last.End > end || last.End - tokens[k].Start > MaxLength)
            {
                continue;
            }

            var length = Form(text.AsSpan(tokens[k].Start, last.End - tokens[k].Start), buffer);
            if (_lookup.TryGetValue(buffer[..length], out var name) && name is { } found)
            {
                return (n, found);
            }

            if (n == 1 && lang == "de" && length >= MinTownAdjective && buffer[..length].EndsWith("er")
                && _lookup.TryGetValue(buffer[..(length - 2)], out var town) && town is { } places && Array.TrueForAll(places, p => p.Type == EntityType.Location))
            {
                return (1, places);
            }
        }

        return null;
    }

    // The shortest town adjective read as its town: four letters of name and -er ("Ulmer" is too short to tell).
    private const int MinTownAdjective = 6;

    // Lower case, runs of white space as one blank: "Nexa  Semiconductors" and "nexa semiconductors" are one form.
    private static string Form(ReadOnlySpan<char> written)
    {
        var buffer = written.Length <= 256 ? stackalloc char[written.Length] : new char[written.Length];
        return new string(buffer[..Form(written, buffer)]);
    }

    private static int Form(ReadOnlySpan<char> written, Span<char> buffer)
    {
        var length = 0;
        var blank = false;
        foreach (var c in written.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                blank = true;
                continue;
            }

            if (blank)
            {
                buffer[length++] = ' ';
                blank = false;
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        return length;
    }
}
