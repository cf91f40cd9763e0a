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

namespace Chorus.Core.Text;

/// <summary>A language code and how sure the guess is (0–1).</summary>
public readonly record struct LanguageGuess(string Lang, double Confidence);

/// <summary>
/// A first language guess from stopword frequencies: function words are the most frequent and most
/// language-specific words of any text. Good for article-length text in nl/en/de and the other languages
/// with a Lucene stop list; short headlines get a low confidence. A character n-gram identifier replaces it later.
/// </summary>
public static class LanguageGuesser
{
    private static readonly (string Lang, CharArraySet Stops)[] Profiles =
    [
        ("nl", DutchAnalyzer.DefaultStopSet),
        ("en", EnglishAnalyzer.DefaultStopSet),
        ("de", GermanAnalyzer.DefaultStopSet),
        ("fr", FrenchAnalyzer.DefaultStopSet),
        ("es", SpanishAnalyzer.DefaultStopSet),
        ("it", ItalianAnalyzer.DefaultStopSet),
        ("pt", PortugueseAnalyzer.DefaultStopSet),
        ("sv", SwedishAnalyzer.DefaultStopSet),
        ("da", DanishAnalyzer.DefaultStopSet),
    ];

    public const string Unknown = "und";

    public static LanguageGuess Guess(string text, int maxWords = 400)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<int> hits = stackalloc int[Profiles.Length];
        var buffer = new char[32];
        var words = 0;
        var i = 0;
        while (i < text.Length && words < maxWords)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\''))
            {
                i++;
            }

            var length = i - start;
            if (length == 0 || length > buffer.Length)
            {
                continue;
            }

            words++;
            for (var k = 0; k < length; k++)
            {
                buffer[k] = char.ToLowerInvariant(text[start + k]);
            }

            for (var p = 0; p < Profiles.Length; p++)
            {
                if (Profiles[p].Stops.Contains(buffer, 0, length))
                {
                    hits[p]++;
                }
            }
        }

        int best = -1, second = -1;
        for (var p = 0; p < Profiles.Length; p++)
        {
            if (hits[p] == 0)
            {
                continue;
            }

            if (best < 0 || hits[p] > hits[best])
            {
                second = best;
                best = p;
            }
            else if (second < 0 || hits[p] > hits[second])
            {
                second = p;
            }
        }

        if (best < 0)
        {
            return new LanguageGuess(Unknown, 0);
        }

        // Confidence: the winner's margin over the runner-up (stop lists share words such as "de"),
        // damped for texts too short to have many function words.
        var margin = (double)(hits[best] - (second < 0 ? 0 : hits[second])) / hits[best];
        var damping = Math.Min(1.0, hits[best] / 6.0);
        return new LanguageGuess(Profiles[best].Lang, Math.Round(margin * damping, 3));
    }
}
