using Chorus.Core.Entities;
using Chorus.Core.Text;

namespace Chorus.Core.Analysis;

/// <summary>
/// Takes the declared language, or identifies it from title and text (the majority language of the paragraphs; Lingua
/// decides where the n-gram model is unsure, which is on headlines and short items).
/// </summary>
public sealed class LanguageStage : IAnalysisStage
{
    public string Name => "language";

    public AnalysisLayer Requires => AnalysisLayer.None;

    public AnalysisLayer Provides => AnalysisLayer.Language;

    public void Apply(AnalysisDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!string.IsNullOrEmpty(document.Raw.Lang))
        {
            document.Lang = document.Raw.Lang;
            document.LangConfidence = 1;
            return;
        }

        var sample = document.Raw.Title is null ? document.Text : document.Raw.Title + "\n\n" + document.Text;
        var guess = LanguageIdentifiers.Default.IdentifyMajority(sample);
        document.Lang = guess.Lang;
        document.LangConfidence = guess.Confidence;
    }
}

/// <summary>Sentence boundaries (Dutch abbreviation rules; they do no harm for English and German), German ordinals in German text.</summary>
public sealed class SentenceStage(SentenceSplitter splitter) : IAnalysisStage
{
    public string Name => "sentences";

    public AnalysisLayer Requires => AnalysisLayer.Language;

    public AnalysisLayer Provides => AnalysisLayer.Sentences;

    public void Apply(AnalysisDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Sentences = splitter.Split(document.Text, document.Lang);
    }
}

/// <summary>Tokens with offsets, tokenised sentence by sentence so that no token crosses a boundary.</summary>
public sealed class TokenStage : IAnalysisStage
{
    public string Name => "tokens";

    public AnalysisLayer Requires => AnalysisLayer.Sentences;

    public AnalysisLayer Provides => AnalysisLayer.Tokens;

    public void Apply(AnalysisDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = new List<Token>(document.Text.Length / 5);
        var firsts = new List<int>(document.Sentences.Count);
        foreach (var s in document.Sentences)
        {
            firsts.Add(tokens.Count);
            Tokenizer.Tokenize(document.Text, s.Start, s.End, tokens);
        }

        document.Tokens = tokens;
        document.SentenceFirstToken = firsts;
    }
}

/// <summary>Stems of content words in the article's language; stopwords, numbers and punctuation get none.</summary>
public sealed class StemStage : IAnalysisStage
{
    public string Name => "stems";

    public AnalysisLayer Requires => AnalysisLayer.Language | AnalysisLayer.Tokens;

    public AnalysisLayer Provides => AnalysisLayer.Stems;

    public void Apply(AnalysisDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var stemmer = LanguageStemmer.For(document.Lang);
        var text = document.Text;
        var stems = new string?[document.Tokens.Count];
        Span<char> lower = stackalloc char[64];
        for (var i = 0; i < stems.Length; i++)
        {
            stems[i] = StemOf(stemmer, document.Tokens[i].Of(text), document.Tokens[i].Kind, lower);
        }

        document.Stems = stems;
        if (document.Raw.Title is { } title)
        {
            foreach (var t in Tokenizer.Tokenize(title))
            {
                if (StemOf(stemmer, t.Of(title), t.Kind, lower) is { } stem)
                {
                    document.TitleStems.Add(stem);
                }
            }
        }
    }

    internal static string? StemOf(LanguageStemmer stemmer, ReadOnlySpan<char> word, TokenKind kind, Span<char> scratch)
    {
        if (kind != TokenKind.Word || word.Length < 2 || word.Length > scratch.Length)
        {
            return null;
        }

        var lower = scratch[..word.Length];
        word.ToLowerInvariant(lower);
        return stemmer.IsStopword(lower) ? null : stemmer.Stem(lower);
    }
}

/// <summary>
/// Capitalised names: runs of capitalised words, with name particles (van, der, de, von, al…) allowed inside.
/// A capitalised word at the start of a sentence counts only when the article also capitalises it elsewhere,
/// because Dutch, English and German all capitalise sentence-initial words. Named-entity recognition
/// (types PER/LOC/ORG/MISC) is a later stage; these names feed clustering and the story view.
/// </summary>
public sealed class NameStage : IAnalysisStage
{
    // Lower-case words that may stand inside a name (Remco van der Berg, Ursula von der Leyen, Bank of England).
    // They depend on the language: German "der"/"den" are articles that would glue separate names together.
    private static readonly Dictionary<string, HashSet<string>> ParticlesByLanguage = new(StringComparer.Ordinal)
    {
        ["nl"] = new(StringComparer.Ordinal) { "van", "der", "den", "de", "het", "ter", "ten", "von", "al", "el", "bin", "da", "di", "du", "la", "le" },
        ["de"] = new(StringComparer.Ordinal) { "von", "vom", "zu", "zur", "van", "al", "el", "bin", "da", "di", "du", "la", "le" },
        ["en"] = new(StringComparer.Ordinal) { "of", "van", "von", "der", "den", "de", "al", "el", "bin", "da", "di", "du", "la", "le" },
    };

    public string Name => "names";

    public AnalysisLayer Requires => AnalysisLayer.Language | AnalysisLayer.Tokens;

    public AnalysisLayer Provides => AnalysisLayer.Names;

    public void Apply(AnalysisDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var tokens = document.Tokens;
        var stemmer = LanguageStemmer.For(document.Lang);
        var particles = ParticlesByLanguage.GetValueOrDefault(document.Lang) ?? ParticlesByLanguage["nl"];
        var inner = new HashSet<string>(StringComparer.Ordinal);
        var sentenceStart = new bool[tokens.Count];
        foreach (var first in document.SentenceFirstToken)
        {
            if (first < tokens.Count)
            {
                sentenceStart[first] = true;
            }
        }

        // Also count a word after an opening quote or a colon as sentence-initial. A straight quote opens only
        // when it follows a space and touches the next word; after a comma it is the closing one.
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i - 1].Kind != TokenKind.Punctuation)
            {
                continue;
            }

            var mark = text[tokens[i - 1].Start];
            var opens = mark is '“' or '„' or '‘' or ':' or '(' or '«'
                || (mark is '"' or '\'' && (tokens[i - 1].Start == 0 || char.IsWhiteSpace(text[tokens[i - 1].Start - 1])) && tokens[i].Start == tokens[i - 1].End);
            if (opens)
            {
                sentenceStart[i] = true;
            }
        }

        // In a Title Case sentence a capital says nothing: only its name words (TitleCase) count as capitalised, and
        // none of its words is evidence that a word is written with a capital elsewhere.
        var inTitleCase = TitleCase.Sentences(document, stemmer);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!sentenceStart[i] && !inTitleCase[i] && IsCapitalised(tokens[i], text))
            {
                inner.Add(NameKey.Fold(tokens[i].Of(text)));
            }
        }

        var titleCaseNames = TitleCase.NameWords(document, inTitleCase, stemmer, inner);
        bool Capitalised(int i) => IsCapitalised(tokens[i], text) && (!inTitleCase[i] || titleCaseNames[i]);

        // How many particles, one after another, stand at k before a capitalised word; 0 when none or no such word.
        int ParticlesBeforeName(int k)
        {
            var n = 0;
            while (n < 3 && k + n + 1 < tokens.Count && IsParticle(tokens[k + n]) && (n == 0 || Adjacent(k + n - 1, k + n)))
            {
                n++;
                if (Capitalised(k + n))
                {
                    return n;
                }
            }

            return 0;
        }

        var i2 = 0;
        while (i2 < tokens.Count)
        {
            if (!IsNameStart(i2))
            {
                i2++;
                continue;
            }

            var end = i2 + 1;
            while (end < tokens.Count)
            {
                if (document.Lang == "en" && TitleCase.WithoutPossessive(tokens[end - 1].Of(text)).Length < tokens[end - 1].Length)
                {
                    // An English possessive ends the name it is of: "Edward Snowden's SXSW Appearance".
                    break;
                }

                if (Capitalised(end) && Adjacent(end - 1, end))
                {
                    end++;
                }
                else if (ParticlesBeforeName(end) is var run and > 0 && (run == 1 || end - i2 == 1) && Adjacent(end - 1, end))
                {
                    // "Kees van der Staaij", "Ursula von der Leyen": several particles only right after a given name,
                    // so that "Remco Breuker van de Universiteit Leiden" stays a person and a university.
                    end += run + 1;
                }
                else
                {
                    break;
                }
            }

            // The possessive is no part of the name ("Snowden's" names Snowden).
            var lastWord = tokens[end - 1].Of(text);
            var possessive = document.Lang == "en" ? lastWord.Length - TitleCase.WithoutPossessive(lastWord).Length : 0;
            var span = new TextSpan(tokens[i2].Start, tokens[end - 1].End - possessive);
            document.Names.Add(new NameMention(span.Start, span.End, NameKey.Fold(span.Of(text))));
            i2 = end;
        }

        if (document.Raw.Title is { } title)
        {
            AddTitleNames(document, title, stemmer, inner, document.Lang == "en");
        }

        bool IsNameStart(int i)
        {
            if (!Capitalised(i))
            {
                return false;
            }

            var word = tokens[i].Of(text);
            if (!sentenceStart[i] || inTitleCase[i])
            {
                return true;
            }

            var key = NameKey.Fold(word);
            if (!inner.Contains(key))
            {
                // A known given name directly followed by another capitalised word starts a name even at the
                // start of a sentence ("Angela Merkel said"). So does a country, city or body of the news, which opens
                // news sentences as their subject ("Frankreich will…", "Russia said…", "Deutschlands Kanzler…"), in the
                // languages whose entities come from these runs; Dutch has a trained tagger, and the lists hold names
                // that are Dutch words ("Indien", German for India, is Dutch for "if").
                return (i + 1 < tokens.Count && IsCapitalised(tokens[i + 1], text) && tokens[i + 1].Start - tokens[i].End <= 1
                    && Chorus.Core.Extraction.Ner.NameGazetteer.Dutch.IsGivenName(word.ToString()))
                    || (document.Lang != "nl" && !stemmer.IsStopwordInAnyCase(word) && IsListedName(word.ToString(), document.Lang));
            }

            return word.Length <= 64 && !stemmer.IsStopwordInAnyCase(word);
        }

        bool Adjacent(int a, int b) => tokens[b].Start - tokens[a].End <= 1;

        bool IsParticle(Token t) => t.Kind == TokenKind.Word && particles.Contains(t.Of(text).ToString());
    }

    private static bool IsListedName(string word, string? lang)
    {
        var names = Entities.TranslatedNames.Default;
        return names.KeyOf(word) is not null || (lang == "de" && (names.GermanUninflected(word) ?? names.GermanCompassPlace(word)) is not null);
    }

    private static void AddTitleNames(AnalysisDocument document, string title, LanguageStemmer stemmer, HashSet<string> bodyNames, bool english)
    {
        var tokens = Tokenizer.Tokenize(title);
        var words = tokens.Where(t => t.Kind == TokenKind.Word).ToList();
        var capitalised = words.Count(t => IsCapitalised(t, title));
        // In Title Case headlines every word is capitalised, so capitals say nothing there.
        var titleCase = words.Count >= 4 && capitalised * 10 >= words.Count * 7;
        Span<char> lower = stackalloc char[64];
        for (var i = 0; i < words.Count; i++)
        {
            var t = words[i];
            if (!IsCapitalised(t, title) || t.Length > lower.Length)
            {
                continue;
            }

            var key = NameKey.Fold(t.Of(title));
            var l = lower[..t.Length];
            t.Of(title).ToLowerInvariant(l);
            // An English Title Case headline says by its words which capitals are names (TitleCase): "Sandberg",
            // "Titanfall", "China"; not "Launches" or "Campaign".
            var plausible = bodyNames.Contains(key) || (!titleCase && i > 0) || IsAcronym(t.Of(title))
                || (english && titleCase && TitleCase.IsNameWord(stemmer, t.Of(title)));
            if (plausible && !stemmer.IsStopword(l))
            {
                document.TitleNames.Add(key);
            }
        }
    }

    internal static bool IsAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length < 2)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsCapitalised(Token t, string text)
        => t.Kind == TokenKind.Word && t.Length >= 2 && char.IsUpper(text[t.Start]);
}
