using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Stories;

/// <summary>
/// What the clusterer compares: term counts over stems (title stems count double, because a headline states
/// the event), name-token counts (listed places and organisations under one key for all languages), and the article date with its precision.
/// </summary>
public sealed record ArticleFeatures(
    IReadOnlyDictionary<string, float> Terms,
    IReadOnlyDictionary<string, float> Names,
    PartialDate? Date)
{
    /// <summary>The article's language: a story in other languages is compared on what crosses languages.</summary>
    public string? Lang { get; init; }

    /// <summary>How the article wrote each name key (folded), for explanations: "keisersgracht" was "keizersgracht".</summary>
    public IReadOnlyDictionary<string, string>? NameForms { get; init; }

    /// <summary>
    /// The article's words as concepts shared by Dutch, English and German (<see cref="ConceptLexicon"/>), kept apart
    /// from <see cref="Terms"/>: they are compared only across languages, and must not crowd stems out of a vector.
    /// </summary>
    public IReadOnlyDictionary<string, float> Concepts { get; init; } = new Dictionary<string, float>();

    /// <summary>
    /// The name keys of the people and places the tagger found in the text that the title names too (not organisations:
    /// a club, a party or a company is the subject of many events): the keys that may anchor an angle piece to its story.
    /// </summary>
    public IReadOnlySet<string> AnchorNames { get; init; } = new HashSet<string>();

    /// <summary>
    /// Whether the article is a round-up of unrelated items under a digest heading (<see cref="DigestHeadings"/>): it
    /// opens a story of its own that no other article is compared with.
    /// </summary>
    public bool IsDigest { get; init; }

    /// <summary>Terms that read the same in every language ('#'-prefixed days and figures).</summary>
    public const char NeutralPrefix = '#';

    private const float TitleWeight = 2f;

    /// <summary>The term key of a day ("#2024-05-20"), as the article's resolved days are counted.</summary>
    public static string DayKey(DateOnly day) => NeutralPrefix + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static ArticleFeatures From(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        // Sized for the article's distinct words at once (about half its tokens in news text): growing from empty copies
        // each table seven or eight times.
        var terms = new Dictionary<string, float>(article.Stems.Count / 2, StringComparer.Ordinal);
        var lexicon = ConceptLexicon.Default;
        // An article has about as many concepts as words (a word stands for one to several); the table is only walked
        // into a WeightList below, so each thread fills one table again and again (cleared, it keeps its room, and walks
        // in the order of adding as a new one does).
        var concepts = t_concepts ??= new Dictionary<string, float>(StringComparer.Ordinal);
        concepts.Clear();
        var stemmer = LanguageStemmer.For(article.Lang);
        var text = article.Raw.Text;
        for (var i = 0; i < article.Stems.Count; i++)
        {
            if (article.Stems[i] is { } stem)
            {
                Add(terms, stem, 1f);
                AddConcepts(concepts, lexicon.ConceptsOrPartsOf(article.Lang, stem), 1f);
                if (CompoundHead(lexicon, stemmer, article.Lang, article.Tokens[i].Of(text)) is { } head && head != stem)
                {
                    Add(terms, head, 1f);
                }
            }
        }

        foreach (var stem in article.TitleStems)
        {
            Add(terms, stem, TitleWeight);
            AddConcepts(concepts, lexicon.ConceptsOrPartsOf(article.Lang, stem), TitleWeight);
        }

        // Days read the same in every language, so they count as terms too (prefixed, so never a stem).
        foreach (var time in article.Times)
        {
            if (time.Value is { Length: 10 } day && day[4] == '-' && day[7] == '-')
            {
                Add(terms, NeutralPrefix + day, 1f);
            }
        }

        // Figures read the same in every language once parsed ("7,4" and "7.4", "3700" and "3,700"): a magnitude, a
        // death toll, an amount are strong evidence of one event across languages. Years and small counts are not.
        foreach (var q in article.Quantities)
        {
            if (q.Value is > 0 and < 1e13 && !(q.Unit is null && q.Value == Math.Floor(q.Value) && (q.Value < 20 || q.Value is >= 1900 and <= 2100)))
            {
                Add(terms, NeutralPrefix + "n:" + q.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), 1f);
            }
        }

        var names = new Dictionary<string, float>(StringComparer.Ordinal);
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, weight, form, anchor) in NameKeys(article))
        {
            Add(names, key, weight);
            forms.TryAdd(key, form);
            if (anchor)
            {
                people.Add(key);
            }
        }

        // The people and places the title names. German title words count here too (they are not name keys, German
        // capitalises every noun): only those the tagger found as a person or place in the text are kept.
        // A place the title names by its adjective ("IJslandse", "Russische", "isländische") is named as much as by
        // its name: headlines say which country by the adjective more often than not.
        var titled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in article.TitleNames)
        {
            var place = PlaceAdjectives.Default.PlaceOfFolded(name);
            foreach (var (key, _) in Keys(TranslatedNames.Default, place ?? name, article.Lang))
            {
                titled.Add(key);
            }
        }

        // A person or place the tagger found whose name the title writes as the text does: "Den Haag" in "Brand in Kirche
        // in Den Haag" is one name, though the title's capitalised words are "Kirche" and "Haag".
        if (article.Raw.Title is { Length: > 0 } title)
        {
            foreach (var m in article.Entities)
            {
                if (m.Type is EntityType.Person or EntityType.Location && m.Start >= 0 && m.End <= text.Length && m.Start < m.End
                    && ContainsWords(title, text.AsSpan(m.Start, m.End - m.Start)))
                {
                    foreach (var (key, _) in Keys(TranslatedNames.Default, EntityName(article, m), article.Lang))
                    {
                        titled.Add(key);
                    }
                }
            }
        }

        people.IntersectWith(titled);
        var anchors = people;

        return new ArticleFeatures(terms, names, article.Raw.Date)
        {
            Lang = article.Lang,
            NameForms = forms,
            Concepts = TakeConcepts(concepts),
            AnchorNames = anchors,
            IsDigest = DigestHeadings.IsDigestTitle(article.Raw.Title),
        };
    }

    [ThreadStatic]
    private static Dictionary<string, float>? t_concepts;

    /// <summary>The concepts as the list the features keep; the thread's table is emptied (and let go if one article made it large).</summary>
    private static WeightList TakeConcepts(Dictionary<string, float> concepts)
    {
        var list = new WeightList(concepts);
        concepts.Clear();
        if (list.Count > 20_000)
        {
            t_concepts = null;
        }

        return list;
    }

    /// <summary>
    /// The article's names as keys that cross languages and spellings: each entity mention under its in-article
    /// entity's name (so "Putin" counts as Vladimir Putin), a listed place or organisation under its shared key
    /// (Russia, Russland → rusland; "Russische" → its place), other names part by part under their transliteration
    /// keys (Poetin, Putin → putin; Wladimir, Vladimir → vladimir). Dutch and English capitalised words the tagger
    /// left alone count too; German ones do not, since German capitalises every noun (Beben, Prozent).
    /// </summary>
    private static IEnumerable<(string Key, float Weight, string Form, bool Anchor)> NameKeys(AnalyzedArticle article)
    {
        var translated = TranslatedNames.Default;
        var text = article.Raw.Text;
        // Which characters a mention or a time covers: a pooled array, the text's length and one more of it in use.
        var size = text.Length + 1;
        var covered = System.Buffers.ArrayPool<bool>.Shared.Rent(size);
        Array.Clear(covered, 0, size);
        try
        {
            foreach (var m in article.Entities)
            {
                covered.AsSpan(m.Start, m.End - m.Start).Fill(true);
                var name = EntityName(article, m);
                var anchor = m.Type is EntityType.Person or EntityType.Location;
                foreach (var (key, form) in Keys(translated, name, article.Lang))
                {
                    yield return (key, 1f, form, anchor);
                }
            }

            // A capitalised weekday or month ("Tuesday", "March") is a time, not a name.
            foreach (var time in article.Times)
            {
                if (time.Start >= 0 && time.End <= text.Length && time.Start < time.End)
                {
                    covered.AsSpan(time.Start, time.End - time.Start).Fill(true);
                }
            }

            if (article.Lang != "de")
            {
                foreach (var name in article.Names)
                {
                    if (name.Start < size && !covered[name.Start])
                    {
                        foreach (var (key, form) in Keys(translated, text[name.Start..name.End], article.Lang))
                        {
                            yield return (key, 1f, form, false);
                        }
                    }
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<bool>.Shared.Return(covered);
        }

        foreach (var name in article.TitleNames)
        {
            if (article.Lang != "de" || translated.KeyOf(name) is not null)
            {
                foreach (var (key, form) in Keys(translated, name, article.Lang))
                {
                    yield return (key, TitleWeight, form, false);
                }
            }
        }
    }

    /// <summary>A mention's name: its group's canonical name, or the mention as written.</summary>
    private static string EntityName(AnalyzedArticle article, EntityMention m)
        => m.Group >= 0 && m.Group < article.EntityGroups.Count ? article.EntityGroups[m.Group].Canonical : article.Raw.Text[m.Start..m.End];

    /// <summary>Whether <paramref name="text"/> holds <paramref name="words"/> (case aside) between word boundaries.</summary>
    internal static bool ContainsWords(string text, ReadOnlySpan<char> words)
    {
        var span = text.AsSpan();
        for (var from = 0; from <= span.Length - words.Length;)
        {
            var at = span[from..].IndexOf(words, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            var start = from + at;
            var end = start + words.Length;
            if ((start == 0 || !char.IsLetterOrDigit(span[start - 1])) && (end == span.Length || !char.IsLetterOrDigit(span[end])))
            {
                return true;
            }

            from = start + 1;
        }

        return false;
    }

    private static IEnumerable<(string Key, string Form)> Keys(TranslatedNames translated, string name, string lang)
    {
        if (translated.KeyOf(name) is { } key)
        {
            yield return (key, key);
            yield break;
        }

        // "Südspanien", "Zuid-Spanje", "southern Spain": the place a compass point names a part of is the key the three
        // languages share. The compass word is no key: "noord" of "Noord-Italië" names no place, and shared by two
        // reports of one region it had counted the region twice.
        if ((lang == "de" ? translated.GermanCompassPlace(name) : translated.DutchCompassPlace(name)) is { } whole && translated.KeyOf(whole) is { } wholeKey)
        {
            yield return (wholeKey, wholeKey);
            yield break;
        }

        // The key of each part, with the part as written (folded), in step: Parts keeps one key per word.
        var words = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var parts = TransliterationKey.Parts(name);
        for (var i = 0; i < parts.Length; i++)
        {
            // "de" of Paul de Leeuw and Luuk de Jong says nothing about which person: a particle is no key. Nor is a
            // function word capitalised at the start of a heading's second sentence or of a quote ("In", "Ik", "Maar"),
            // unless written as an acronym ("IS").
            if (parts[i].Length > 1 && !EntityNames.IsParticle(parts.Length == words.Length ? words[i] : parts[i])
                && !(parts.Length == words.Length && IsFunctionWord(words[i], lang)))
            {
                yield return (parts[i], parts.Length == words.Length ? NameKey.Fold(words[i]) : parts[i]);
            }
        }
    }

    /// <summary>
    /// The stem of a Dutch or German compound's head ("seinstoring" → "storing", "Bahnstreik" → "streik"): the reports
    /// of one event name it in compounds of their own ("kabelstoring", "Seinstoring", "storing"), whose stems share
    /// nothing (the stemmer reads "seinstoring" as "seinstor"). Kept per word, so a word is split and stemmed once.
    /// </summary>
    private static string? CompoundHead(ConceptLexicon lexicon, LanguageStemmer stemmer, string? lang, ReadOnlySpan<char> word)
    {
        var cache = lang switch { "nl" => DutchHeads, "de" => GermanHeads, _ => null };
        if (cache is null || word.Length < 8 || word.Length > 40)
        {
            return null;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (cache.TryGetValue(lower, out var known))
        {
            return known;
        }

        // A plural or inflected compound ("onderwijsstakingen", "Bahnstreiks") splits once its ending is off: the
        // lexicon holds the head's bare form.
        var folded = lower.ToString();
        var head = lexicon.CompoundHead(lang!, folded);
        foreach (var ending in lang == "nl" ? DutchEndings : GermanEndings)
        {
            if (head is not null)
            {
                break;
            }

            if (folded.Length > ending.Length + 8 && folded.EndsWith(ending, StringComparison.Ordinal))
            {
                head = lexicon.CompoundHead(lang!, folded[..^ending.Length]);
            }
        }

        head = head is null ? null : stemmer.Stem(head);
        cache.Add(folded, head);
        return head;
    }

    private const int MaxCachedHeads = 200_000;
    private static readonly string[] DutchEndings = ["en", "s"];
    private static readonly string[] GermanEndings = ["en", "n", "s", "e", "er"];
    private static readonly BoundedCache<string?> DutchHeads = new(MaxCachedHeads);
    private static readonly BoundedCache<string?> GermanHeads = new(MaxCachedHeads);

    private static bool IsFunctionWord(string word, string lang)
    {
        var allCaps = word.Length > 1;
        foreach (var c in word)
        {
            allCaps &= !char.IsLetter(c) || char.IsUpper(c);
        }

        // Function words are short: a longer word is none, and needs no lower-cased copy.
        if (allCaps || word.Length > 16)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.AsSpan().ToLowerInvariant(lower);
        return LanguageStemmer.For(lang).IsStopword(lower);
    }

    /// <summary>Each concept of a word counts as the word does (weights below 1 would turn negative under log TF).</summary>
    private static void AddConcepts(Dictionary<string, float> counts, ReadOnlySpan<string> concepts, float weight)
    {
        foreach (var concept in concepts)
        {
            Add(counts, concept, weight);
        }
    }

    private static void Add(Dictionary<string, float> counts, string key, float weight)
        => counts[key] = counts.GetValueOrDefault(key) + weight;
}
