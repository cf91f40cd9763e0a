using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Text;

namespace Chorus.Core.Stories.Comparison;

/// <summary>
/// Whether a figure is a projection rather than a report: feared, expected or forecast ("De president vreest voor meer
/// dan duizend doden", "Officials fear 500 dead", "Verwacht werd dat het tekort 2 procent zou worden", "1000 Tote werden
/// befürchtet"), or a figure something may rise to ("Het dodental kan oplopen tot 100", "could climb to"). A projection
/// says what someone thinks may be, not what a source reports: it is no source's figure of a slot, and set against a
/// reported figure it contradicts nothing ("vreest voor meer dan duizend doden" beside "215 doden geregistreerd").
/// </summary>
/// <remarks>
/// Cues are Dutch, English and German word beginnings (so inflections match) and whole modal words. A cue before the
/// figure reaches it from anywhere earlier in the sentence (the figure stands in what is feared: "vreest dat er meer dan
/// duizend doden zijn"), unless a ';', a ':' or a contrast ("…, maar 215 doden") comes between; a cue after the figure
/// reaches it only within its clause ("500 people are feared dead"), not from a relative or coordinated clause that
/// follows, nor as an adjective after an article ("de gevreesde ziekte"). A parenthesis is a scope of its own, either way.
/// </remarks>
internal static class FigureModality
{
    // Fear and expectation: the figure is what someone fears or expects.
    private static readonly string[] ProjectionStarts =
    [
        "vrees", "vrezen", "gevreesd", "verwacht", "voorspel",
        "fear", "expect", "predict", "forecast", "projected",
        "befürcht", "erwart", "voraussichtlich", "vorhersag", "prognos",
    ];

    // Whole words only: "dreigingsniveau" and "kanaal" begin like them.
    private static readonly HashSet<string> ThreatWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "dreigt", "dreigen", "dreigde", "dreigden", "threatens", "threatened", "droht", "drohen", "drohte",
        // German "fürchten" as whole forms: "fürchterlich" (awful) begins like them.
        "fürchtet", "fürchten", "fürchtete", "fürchteten",
    };

    // Adverbs of possibility ("In Mozambique zijn mogelijk meer dan duizend doden"): they hedge their own clause only.
    private static readonly HashSet<string> MaybeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "mogelijk", "wellicht", "misschien", "possibly", "perhaps", "maybe", "möglicherweise", "vielleicht", "womöglich",
    };

    // "Zo snel mogelijk", "zoveel mogelijk": as far as possible; "niet mogelijk", "het mogelijk (maken)": what can be
    // done. No hedge of a figure.
    private static readonly HashSet<string> AsPossible = new(StringComparer.OrdinalIgnoreCase) { "zo", "zoveel", "zomin", "als", "niet", "het" };

    /// <summary>Conjunctions that join two clauses, each of which may hold its own figure and verb.</summary>
    internal static readonly string[] CoordinatingConjunctions = ["en", "maar", "and", "but", "und", "aber"];

    // Words that open a relative or coordinated clause after the figure (German relative clauses stand after a comma).
    // Not Dutch "of" (or): in English text it is the preposition ("500 of them are feared dead").
    private static readonly HashSet<string> ClauseWords = new(
        ["die", "dat", "wie", "waarvan", "waarbij", "waardoor", "want", "who", "which", "that", "whose", "or", "oder", .. CoordinatingConjunctions],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "het", "een", "alle", "the", "a", "an", "all", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
    };

    // A modal of possibility, with a verb of growth in the same reach: what a figure may rise to.
    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase)
    {
        // Not "zou" alone: "het aantal zou zijn gestegen tot 20" reports what others say happened.
        "kan", "kunnen", "could", "may", "might", "kann", "können", "könnte", "könnten", "dürfte", "dürften",
    };

    private static readonly string[] GrowthStarts =
    [
        "oplop", "oploopt", "stijg", "toenem", "groei", "overschrijd",
        "rise", "rising", "climb", "reach", "increase", "grow", "exceed",
        "steig", "wachs", "anwachs", "ansteig", "übersteig", "erreich",
    ];

    // "Hoger dan verwacht", "more than expected", "als erwartet", "zoals verwacht": the figure is measured against the
    // expectation, or met it.
    private static readonly HashSet<string> Comparatives = new(StringComparer.OrdinalIgnoreCase) { "dan", "zoals", "than", "as", "als", "wie" };

    // After a comma, a clause of contrast is a statement of its own: "…, maar 215 doden zijn geregistreerd".
    private static readonly HashSet<string> Contrasts = new(StringComparer.OrdinalIgnoreCase)
    {
        "maar", "doch", "terwijl", "but", "while", "whereas", "aber", "während", "jedoch",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ThreatLookup = ThreatWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MaybeLookup = MaybeWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AsPossibleLookup = AsPossible.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseLookup = ClauseWords.GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>Articles and "all" in the three languages: what stands before a noun, not a verb.</summary>
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminerLookup = Determiners.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ModalLookup = Modals.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ComparativeLookup = Comparatives.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContrastLookup = Contrasts.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words of estimating, whole: "schatkist" (treasury) begins like them.
    private static readonly HashSet<string> EstimateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "schatting", "schattingen", "geschat", "geschatte", "schat", "schatten", "schatte",
        "estimated", "estimate", "estimates", "estimating",
        "geschätzt", "geschätzte", "geschätzten", "schätzungsweise", "schätzung", "schätzungen", "schätzt", "schätzen",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EstimateLookup = EstimateWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the sentence [<paramref name="sentenceStart"/>, <paramref name="sentenceEnd"/>) gives its figures as an
    /// estimate ("naar schatting", "wordt geschat op", "an estimated", "geschätzt"): hedged as a projection is, so an
    /// estimate and a projection of one amount compare ("kost naar schatting 45 miljoen", "expected to cost 54 million").
    /// </summary>
    public static bool IsEstimate(string text, IReadOnlyList<Token> tokens, int sentenceStart, int sentenceEnd)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        for (var k = StorySentences.FirstToken(tokens, sentenceStart, byEnd: false); k < tokens.Count && tokens[k].Start < sentenceEnd; k++)
        {
            if (tokens[k].Kind == TokenKind.Word && EstimateLookup.Contains(tokens[k].Of(text)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="figure"/>, in the sentence [<paramref name="sentenceStart"/>, <paramref name="sentenceEnd"/>), is a projection.</summary>
    public static bool IsProjected(string text, IReadOnlyList<Token> tokens, int sentenceStart, int sentenceEnd, QuantityMention figure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var first = StorySentences.FirstToken(tokens, sentenceStart, byEnd: false);
        var own = StorySentences.FirstToken(tokens, figure.Start, byEnd: false);
        var afterOwn = StorySentences.FirstToken(tokens, figure.End, byEnd: false);
        var (inside, open, close) = Parenthesis(text, tokens, first, own, sentenceEnd);
        var modal = false;
        var growth = false;

        // Before the figure, back to the sentence start (or the parenthesis that holds it).
        var depth = 0;
        var sameClause = true;
        for (var k = own - 1; k >= (inside ? open + 1 : first); k--)
        {
            var word = tokens[k].Of(text);
            if (tokens[k].Kind == TokenKind.Punctuation)
            {
                // A parenthesis before the figure is a scope of its own: skip what it holds.
                depth += word is ")" ? 1 : word is "(" ? -1 : 0;
                if (word is ";" or ":" && depth == 0)
                {
                    break;
                }

                sameClause &= word is not ("," or ":" or "–" or "—");
                continue;
            }

            if (depth > 0 || tokens[k].Kind != TokenKind.Word)
            {
                continue;
            }

            if (ContrastLookup.Contains(word) && k > first && tokens[k - 1].Of(text) is ",")
            {
                break;
            }

            if (IsCue(text, tokens, k, first, ref modal, ref growth) || (sameClause && IsMaybe(text, tokens, k, first)))
            {
                return true;
            }
        }

        // After the figure, to the end of its clause: a relative clause or a coordinated one that follows it is about
        // something else ("twaalf verdachten opgepakt van wie een deel mogelijk betrokken was"), and a cue after an
        // article is a noun's adjective ("de gevreesde ziekte").
        var end = inside ? close : sentenceEnd;
        for (var k = afterOwn; k < tokens.Count && tokens[k].Start < end; k++)
        {
            if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Of(text) is "," or ";" or ":" or "(" or "–" or "—")
            {
                break;
            }

            if (tokens[k].Kind != TokenKind.Word)
            {
                continue;
            }

            if (ClauseLookup.Contains(tokens[k].Of(text)))
            {
                break;
            }

            if (k > afterOwn && DeterminerLookup.Contains(tokens[k - 1].Of(text)))
            {
                continue;
            }

            if (IsCue(text, tokens, k, first, ref modal, ref growth) || IsMaybe(text, tokens, k, first))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the word at <paramref name="k"/> makes the figure a projection, alone or with a modal or growth word seen before.</summary>
    private static bool IsCue(string text, IReadOnlyList<Token> tokens, int k, int first, ref bool modal, ref bool growth)
    {
        var word = tokens[k].Of(text);
        if (StartsWithAny(word, ProjectionStarts))
        {
            return k == first || !ComparativeLookup.Contains(tokens[k - 1].Of(text));
        }

        if (ThreatLookup.Contains(word))
        {
            return true;
        }

        // "May" is the month (or Theresa May): the modal is written small.
        if (ModalLookup.Contains(word) && !word.SequenceEqual("May"))
        {
            // "could not" says what was not possible, which is a report.
            modal = k + 1 >= tokens.Count || !(tokens[k + 1].Of(text) is var next && (next.Equals("not", StringComparison.OrdinalIgnoreCase) || next.Equals("nicht", StringComparison.OrdinalIgnoreCase) || next.Equals("niet", StringComparison.OrdinalIgnoreCase)));
        }
        else if (StartsWithAny(word, GrowthStarts))
        {
            growth = true;
        }

        return modal && growth;
    }

    /// <summary>Whether the word at <paramref name="k"/> is an adverb of possibility, not "zo snel mogelijk" or "niet mogelijk".</summary>
    private static bool IsMaybe(string text, IReadOnlyList<Token> tokens, int k, int first)
        => MaybeLookup.Contains(tokens[k].Of(text)) && (k == first || !AsPossibleLookup.Contains(tokens[k - 1].Of(text)))
        && (k < 2 || k - 2 < first || !tokens[k - 2].Of(text).Equals("zo", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the figure's token stands inside a parenthesis of the sentence, and the tokens of its brackets.</summary>
    private static (bool Inside, int Open, int Close) Parenthesis(string text, IReadOnlyList<Token> tokens, int first, int own, int sentenceEnd)
    {
        var open = -1;
        for (var k = own - 1; k >= first; k--)
        {
            var p = tokens[k].Of(text);
            if (p is ")")
            {
                break;
            }

            if (p is "(")
            {
                open = k;
                break;
            }
        }

        if (open < 0)
        {
            return (false, -1, -1);
        }

        for (var k = own; k < tokens.Count && tokens[k].Start < sentenceEnd; k++)
        {
            if (tokens[k].Of(text) is ")")
            {
                return (true, open, tokens[k].Start);
            }
        }

        return (false, -1, -1);
    }

    private static bool StartsWithAny(ReadOnlySpan<char> word, string[] starts)
    {
        foreach (var start in starts)
        {
            if (word.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
