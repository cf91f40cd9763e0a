using Lucene.Net.Analysis.Da;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Chorus.Core.Text;

/// <summary>
/// Stems and stopwords for one language, taken from Lucene.NET's analysers (Snowball stemmers and the
/// analysers' default stop sets), so that the clustering terms and the search index agree. Languages without a
/// Snowball stemmer (Polish) keep their lower-cased words; an unknown language is read as Dutch, the default corpus.
/// Not thread-safe: a Snowball program holds its current word. Use one per thread (<see cref="For"/>).
/// </summary>
public sealed class LanguageStemmer
{
    [ThreadStatic]
    private static Dictionary<string, LanguageStemmer>? t_cache;

    private readonly SnowballProgram? _program;
    private readonly CharArraySet _stopwords;
    private readonly StemMemo _memo = new();
    private char[] _buffer = new char[64];

    private LanguageStemmer(string lang, SnowballProgram? program, CharArraySet stopwords)
    {
        Lang = lang;
        _program = program;
        _stopwords = stopwords;
    }

    public string Lang { get; }

    /// <summary>The stemmer for <paramref name="lang"/> on the current thread.</summary>
    public static LanguageStemmer For(string? lang)
    {
        var key = lang is "en" or "de" or "fr" or "es" or "it" or "pt" or "sv" or "da" or "pl" ? lang : "nl";
        t_cache ??= new Dictionary<string, LanguageStemmer>(StringComparer.Ordinal);
        if (!t_cache.TryGetValue(key, out var stemmer))
        {
            stemmer = key switch
            {
                "en" => new LanguageStemmer("en", new EnglishStemmer(), EnglishAnalyzer.DefaultStopSet),
                "de" => new LanguageStemmer("de", new German2Stemmer(), GermanAnalyzer.DefaultStopSet),
                "fr" => new LanguageStemmer("fr", new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer(), FrenchAnalyzer.DefaultStopSet),
                "es" => new LanguageStemmer("es", new SpanishStemmer(), SpanishAnalyzer.DefaultStopSet),
                "it" => new LanguageStemmer("it", new ItalianStemmer(), ItalianAnalyzer.DefaultStopSet),
                "pt" => new LanguageStemmer("pt", new Lucene.Net.Tartarus.Snowball.Ext.PortugueseStemmer(), PortugueseAnalyzer.DefaultStopSet),
                "sv" => new LanguageStemmer("sv", new SwedishStemmer(), SwedishAnalyzer.DefaultStopSet),
                "da" => new LanguageStemmer("da", new DanishStemmer(), DanishAnalyzer.DefaultStopSet),
                "pl" => new LanguageStemmer("pl", null, CharArraySet.Empty),
                _ => new LanguageStemmer("nl", new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer(), DutchAnalyzer.DefaultStopSet),
            };
            t_cache[key] = stemmer;
        }

        return stemmer;
    }


    /// <summary>True for a stopword; <paramref name="lowerWord"/> must be lower case.</summary>
    public bool IsStopword(ReadOnlySpan<char> lowerWord)
    {
        Fill(lowerWord);
        return _stopwords.Contains(_buffer, 0, lowerWord.Length);
    }

    /// <summary>True for a stopword written in any case ("The", "OF").</summary>
    public bool IsStopwordInAnyCase(ReadOnlySpan<char> word)
    {
        Fill(word);
        for (var i = 0; i < word.Length; i++)
        {
            _buffer[i] = char.ToLowerInvariant(_buffer[i]);
        }

        return _stopwords.Contains(_buffer, 0, word.Length);
    }

    /// <summary>The stem of a word, lower-cased; the word need not be lower case.</summary>
    public string Stem(ReadOnlySpan<char> word)
    {
        Fill(word);
        for (var i = 0; i < word.Length; i++)
        {
            _buffer[i] = char.ToLowerInvariant(_buffer[i]);
        }

        if (_program is null)
        {
            return WordPool.Of(_buffer.AsSpan(0, word.Length));
        }

        // Stems repeat across an article and a corpus: worked out once per word, one shared string per stem.
        return _memo.Stem(_program, _buffer, word.Length);
    }

    private void Fill(ReadOnlySpan<char> word)
    {
        if (_buffer.Length < word.Length)
        {
            _buffer = new char[word.Length * 2];
        }

        word.CopyTo(_buffer);
    }
}
