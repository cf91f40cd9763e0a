using Chorus.Core.Entities;
using Chorus.Core.Extraction.Ner;
using Chorus.Core.Text;

namespace Chorus.Core.Analysis;

/// <summary>
/// English sentences written in Title Case ("Neil Young Announces PonoMusic Launch"), as many English outlets write
/// their headlines: there a capital says nothing, and a run of capitals is a name and the words around it. Which of
/// their capitalised words are names is read from other evidence: the word is capitalised in the middle of an ordinary
/// sentence of the same article, it is no English dictionary word, it is a listed place or organisation, it is an
/// acronym, or it follows a known given name. Dutch and German headlines are not written this way.
/// </summary>
internal static class TitleCase
{
    /// <summary>A sentence this long, at least, is judged: shorter ones give too few words to tell.</summary>
    private const int MinContentWords = 3;

    // Words English capitalises in any sentence: no sign of Title Case.
    private static readonly HashSet<string> AlwaysCapitalised = new(StringComparer.OrdinalIgnoreCase)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    // English closed-class words (pronouns, determiners, auxiliaries and modals, prepositions, conjunctions, question
    // words) and a few frequent verbs and adverbs: a dictionary of translations holds few of them, and Title Case
    // capitalises them all. Facts of English grammar, listed here.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "me", "my", "mine", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "we", "us", "our", "ours",
        "they", "them", "their", "theirs", "it", "its", "who", "whom", "whose", "what", "which", "why", "how", "when", "where",
        "whether", "this", "that", "these", "those", "some", "any", "every", "each", "all", "both", "either", "neither",
        "none", "more", "most", "much", "many", "few", "less", "least", "other", "another", "such", "own", "same",
        "am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "do", "does", "did", "done",
        "can", "could", "may", "might", "must", "shall", "should", "will", "would", "can't", "won't", "don't", "doesn't",
        "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "couldn't", "wouldn't", "shouldn't",
        "it's", "he's", "she's", "we're", "they're", "you're", "i'm", "i've", "we've", "you've", "they've", "let's", "there's",
        "about", "above", "across", "after", "against", "along", "amid", "among", "around", "before", "behind", "below",
        "beneath", "beside", "besides", "between", "beyond", "despite", "down", "during", "except", "inside", "near",
        "off", "onto", "out", "outside", "over", "past", "per", "since", "than", "through", "throughout", "toward",
        "towards", "under", "unlike", "until", "up", "upon", "via", "within", "without", "although", "because", "though",
        "unless", "while", "whilst", "so", "yet", "nor", "also", "just", "only", "even", "still", "again", "ever", "never",
        "not", "now", "here", "there", "then", "too", "very", "almost", "already", "soon", "yes", "no",
        "get", "gets", "got", "give", "gives", "gave", "given", "go", "goes", "went", "gone", "make", "makes", "made",
        "say", "says", "said", "take", "takes", "took", "come", "comes", "came", "see", "sees", "saw", "know", "knows",
        "new", "big", "top", "best", "worst", "first", "last", "next", "the", "a", "an", "and", "or", "but", "if", "of", "in",
        "on", "at", "to", "for", "by", "with", "from", "into", "as", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten",
    };

    /// <summary>
    /// For each token, whether it lies in a Title Case sentence (all false for a language other than English). A sentence
    /// is in Title Case when every content word after the first is capitalised (of ten or more, nine in ten) and one of
    /// those, at least, is a plain dictionary word that English capitalises nowhere else (not a weekday or a month): in
    /// ordinary text a capitalised dictionary word is rare ("Bank of England", not "raised Rates"), so a sentence that
    /// names people ("President Vladimir Putin spoke in Moscow on Tuesday") is not taken for one.
    /// </summary>
    public static bool[] Sentences(AnalysisDocument document, LanguageStemmer stemmer)
    {
        var tokens = document.Tokens;
        var inTitleCase = new bool[tokens.Count];
        if (document.Lang != "en" || tokens.Count == 0)
        {
            return inTitleCase;
        }

        var text = document.Text;
        var firsts = document.SentenceFirstToken;
        for (var s = 0; s < firsts.Count; s++)
        {
            var (from, to) = (firsts[s], s + 1 < firsts.Count ? Math.Min(firsts[s + 1], tokens.Count) : tokens.Count);
            int content = 0, capitalised = 0, commonCapitalised = 0;
            for (var i = from + 1; i < to; i++)
            {
                var word = tokens[i].Of(text);
                if (tokens[i].Kind != TokenKind.Word || !char.IsLetter(word[0]) || stemmer.IsStopwordInAnyCase(word))
                {
                    continue;
                }

                content++;
                if (char.IsUpper(word[0]))
                {
                    capitalised++;
                    if (!NameStage.IsAcronym(word) && !AlwaysCapitalised.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) && IsDictionaryWord(stemmer, word) && !IsListedName(word.ToString()))
                    {
                        commonCapitalised++;
                    }
                }
            }

            var lower = content - capitalised;
            if (content >= MinContentWords && (lower == 0 || (content >= 10 && lower * 10 <= content)) && commonCapitalised >= 1)
            {
                Array.Fill(inTitleCase, true, from, to - from);
            }
        }

        return inTitleCase;
    }

    /// <summary>
    /// Which capitalised tokens of the Title Case sentences are name words (see the class); <paramref name="capitalisedElsewhere"/>
    /// holds the folded words the article capitalises in the middle of its ordinary sentences.
    /// </summary>
    public static bool[] NameWords(AnalysisDocument document, bool[] inTitleCase, LanguageStemmer stemmer, IReadOnlySet<string> capitalisedElsewhere)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var name = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!inTitleCase[i] || name[i] || !NameStage.IsCapitalised(tokens[i], text))
            {
                continue;
            }

            var word = tokens[i].Of(text);
            var core = WithoutPossessive(word);
            var nextCapitalised = i + 1 < tokens.Count && inTitleCase[i + 1] && NameStage.IsCapitalised(tokens[i + 1], text) && tokens[i + 1].Start - tokens[i].End <= 1;

            // A listed place or organisation of several words ("United Nations", "European Union") is one name, whatever
            // its words are on their own.
            if (ListedRun(tokens, text, i, inTitleCase) is var listed and > 1)
            {
                Array.Fill(name, true, i, listed);
                continue;
            }

            if (nextCapitalised && !IsFunctionWord(core) && NameGazetteer.Dutch.IsGivenName(core.ToString()) && !stemmer.IsStopwordInAnyCase(tokens[i + 1].Of(text))
                && !IsFunctionWord(tokens[i + 1].Of(text))
                && !(IsDictionaryWord(stemmer, core) && IsDictionaryWord(stemmer, tokens[i + 1].Of(text))))
            {
                // A given name and the word after it: "Neil Young", "Mark Carney" (a surname may be a word, but a given name
                // that is a word too needs a surname that is none: "in Rebel Territory" names no one).
                name[i] = name[i + 1] = true;
                continue;
            }

            name[i] = capitalisedElsewhere.Contains(NameKey.Fold(word)) || IsNameWord(stemmer, word);
        }

        return name;
    }

    /// <summary>
    /// Whether a capitalised word of a Title Case sentence is a name by itself: an acronym that is no word of the language
    /// (or of three letters at most: "UK", "GM"), a listed place or organisation, or a word the English lexicon lacks.
    /// </summary>
    internal static bool IsNameWord(LanguageStemmer stemmer, ReadOnlySpan<char> word)
    {
        var core = WithoutPossessive(word);
        return NameStage.IsAcronym(core)
            ? core.Length <= 3 || !IsDictionaryWord(stemmer, core)
            : IsListedName(core.ToString()) || (!stemmer.IsStopwordInAnyCase(word) && !IsDictionaryWord(stemmer, core));
    }

    /// <summary>How many tokens from <paramref name="start"/> (two to four capitalised ones) make a listed place or organisation; 0 when none do.</summary>
    private static int ListedRun(IReadOnlyList<Token> tokens, string text, int start, bool[] inTitleCase)
    {
        var found = 0;
        for (var length = 2; length <= 4 && start + length <= tokens.Count; length++)
        {
            var last = tokens[start + length - 1];
            if (!inTitleCase[start + length - 1] || last.Kind != TokenKind.Word || last.Start - tokens[start + length - 2].End > 1)
            {
                break;
            }

            if (TranslatedNames.Default.KeyOf(text[tokens[start].Start..last.End]) is not null)
            {
                found = length;
            }
        }

        return found;
    }

    private static bool IsListedName(string word) => TranslatedNames.Default.KeyOf(word) is not null;

    /// <summary>
    /// Whether the English lexicon holds the word by its stem; a hyphenated word by its last part ("Stand-Alone",
    /// "Rebel-Held"), when that part is a word of three letters or more ("Jong-un" is a name).
    /// </summary>
    internal static bool IsDictionaryWord(LanguageStemmer stemmer, ReadOnlySpan<char> word)
    {
        var core = WithoutPossessive(word);
        var hyphen = core.LastIndexOfAny('-', '\u2011');
        if (hyphen >= 0)
        {
            core = core[(hyphen + 1)..];
            if (core.Length < 3)
            {
                return false;
            }
        }

        if (core.Length == 0)
        {
            return false;
        }

        if (IsFunctionWord(core))
        {
            return true;
        }

        var stem = stemmer.Stem(core);
        // A comparative the stemmer keeps whole ("stronger", "harder") is the word it compares.
        return !ConceptLexicon.Default.ConceptsOf("en", stem).IsEmpty
            || (stem.Length > 5 && stem.EndsWith("er", StringComparison.Ordinal) && !ConceptLexicon.Default.ConceptsOf("en", stem[..^2]).IsEmpty);
    }

    // The name lists hold "The", "Ever" and "Amid" among given names: a function word is never one here.
    private static bool IsFunctionWord(ReadOnlySpan<char> word) => FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    internal static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> word)
        => word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '’' ? word[..^2] : word;
}
