using System.Reflection;

namespace Chorus.Core.Text;

/// <summary>A language code and how sure the identification is (0–1).</summary>
public readonly record struct LanguageGuess(string Lang, double Confidence);

/// <summary>
/// Identifies the language of a text with a naive Bayes model over character n-grams (1 to 4 letters, words padded
/// with a boundary mark, so "_de_" and "en_" carry word starts and ends) plus whole short words. Profiles are
/// built at start-up from the training text in Resources/langid (written for Chorus, one file per language).
/// Unseen n-grams get add-½ smoothing over the n-gram vocabulary of all languages, so no language is favoured by
/// having more text. An article that mixes languages gets the language of the majority of its letters, judged
/// paragraph by paragraph. Immutable and thread-safe.
/// </summary>
public sealed class LanguageIdentifier : ILanguageIdentifier
{
    public const string Unknown = "und";

    private const int MaxOrder = 4;
    private const int MaxWordFeature = 12;
    private const double Alpha = 0.5;

    /// <summary>Only this much of a text is read: language shows in the first few paragraphs.</summary>
    private const int MaxChars = 1500;

    private static readonly Lazy<LanguageIdentifier> LazyDefault = new(LoadDefault);

    private readonly string[] _languages;

    // One lookup per feature: the log-probability of the feature in every language (seen or smoothed).
    private readonly FeatureTable _logProb;
    private readonly float[][] _unseenByOrder;

    private LanguageIdentifier(IReadOnlyDictionary<string, string> training)
    {
        _languages = [.. training.Keys.Order(StringComparer.Ordinal)];
        var counts = _languages.Select(l => Count(training[l])).ToArray();

        // Vocabulary per order (0 = whole words), shared by all languages.
        var vocabulary = new HashSet<ulong>[MaxOrder + 1];
        for (var n = 0; n <= MaxOrder; n++)
        {
            vocabulary[n] = [];
            foreach (var c in counts)
            {
                vocabulary[n].UnionWith(c.Keys.Where(k => Order(k) == n));
            }
        }

        var totals = new long[_languages.Length, MaxOrder + 1];
        for (var l = 0; l < _languages.Length; l++)
        {
            foreach (var (key, count) in counts[l])
            {
                totals[l, Order(key)] += count;
            }
        }

        double Denominator(int l, int n) => totals[l, n] + (Alpha * Math.Max(1, vocabulary[n].Count));
        var logProb = new Dictionary<ulong, float[]>();
        _unseenByOrder = new float[MaxOrder + 1][];
        for (var n = 0; n <= MaxOrder; n++)
        {
            _unseenByOrder[n] = new float[_languages.Length];
            for (var l = 0; l < _languages.Length; l++)
            {
                _unseenByOrder[n][l] = (float)Math.Log(Alpha / Denominator(l, n));
            }

            foreach (var key in vocabulary[n])
            {
                var row = new float[_languages.Length];
                for (var l = 0; l < _languages.Length; l++)
                {
                    row[l] = (float)Math.Log((counts[l].GetValueOrDefault(key) + Alpha) / Denominator(l, n));
                }

                logProb[key] = row;
            }
        }

        _logProb = new FeatureTable(logProb, _languages.Length);
    }

    /// <summary>The identifier over the shipped profiles (nl, en, de, fr, es, it, pt, sv, da, pl).</summary>
    public static LanguageIdentifier Default => LazyDefault.Value;

    public IReadOnlyList<string> Languages => _languages;

    /// <summary>An identifier over the given training texts, by language code.</summary>
    public static LanguageIdentifier Train(IReadOnlyDictionary<string, string> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new LanguageIdentifier(training);
    }

    /// <summary>The language of a text read as one piece; <see cref="Unknown"/> when it has no letters.</summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text)
    {
        var scores = new double[_languages.Length];
        var scorer = new Scorer(this, scores);
        VisitFeatures(text.Length > MaxChars ? text[..MaxChars] : text, ref scorer);
        var features = scorer.Features;

        if (features == 0)
        {
            return new LanguageGuess(Unknown, 0);
        }

        var best = 0;
        var second = -1;
        for (var l = 1; l < scores.Length; l++)
        {
            if (scores[l] > scores[best])
            {
                (second, best) = (best, l);
            }
            else if (second < 0 || scores[l] > scores[second])
            {
                second = l;
            }
        }

        // The margin per feature, grown by the evidence: a clear win on a long text is near-certain, a narrow one
        // on a headline is not.
        var margin = second < 0 ? double.PositiveInfinity : (scores[best] - scores[second]) / features;
        var confidence = 1 - Math.Exp(-margin * Math.Sqrt(features));
        return new LanguageGuess(_languages[best], Math.Round(confidence, 3));
    }

    /// <summary>
    /// The language of most of the text: each paragraph is identified on its own and counts with its letters, so
    /// a Dutch article quoting an English statement stays Dutch.
    /// </summary>
    public LanguageGuess IdentifyMajority(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = Paragraphs(text);
        if (paragraphs.Count <= 1)
        {
            return Identify(text);
        }

        var weight = new Dictionary<string, (double Letters, double Confidence)>(StringComparer.Ordinal);
        var read = 0;
        foreach (var (start, length) in paragraphs)
        {
            if (read > MaxChars)
            {
                break;
            }

            var p = text.AsSpan(start, length);
            read += p.Length;
            var guess = Identify(p);
            if (guess.Lang == Unknown)
            {
                continue;
            }

            var letters = 0;
            foreach (var ch in p)
            {
                letters += char.IsLetter(ch) ? 1 : 0;
            }

            var (l, c) = weight.GetValueOrDefault(guess.Lang);
            weight[guess.Lang] = (l + letters, c + (guess.Confidence * letters));
        }

        if (weight.Count == 0)
        {
            return new LanguageGuess(Unknown, 0);
        }

        // Confidence: the winner's letter-weighted confidence over all identified letters, so a split article is less sure.
        var (lang, (_, confidence)) = weight.OrderByDescending(kv => kv.Value.Letters).ThenBy(kv => kv.Key, StringComparer.Ordinal).First();
        return new LanguageGuess(lang, Math.Round(confidence / weight.Values.Sum(v => v.Letters), 3));
    }

    private static LanguageIdentifier LoadDefault()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string Prefix = "Chorus.Core.Resources.langid.";
        var training = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            training[name[Prefix.Length..^4]] = reader.ReadToEnd();
        }

        return new LanguageIdentifier(training);
    }

    // The paragraphs of a text (split at blank lines, trimmed, empty ones left out) as (start, length), where a
    // split of the string would have copied each.
    private static List<(int Start, int Length)> Paragraphs(string text)
    {
        var result = new List<(int Start, int Length)>();
        var at = 0;
        while (at <= text.Length)
        {
            var unix = text.IndexOf("\n\n", at, StringComparison.Ordinal);
            var windows = text.IndexOf("\r\n\r\n", at, StringComparison.Ordinal);
            var (end, separator) = unix < 0 && windows < 0 ? (text.Length, 0)
                : windows < 0 || (unix >= 0 && unix < windows) ? (unix, 2) : (windows, 4);
            var piece = text.AsSpan(at, end - at);
            var trimmed = piece.Trim();
            if (trimmed.Length > 0)
            {
                result.Add((at + (piece.Length - piece.TrimStart().Length), trimmed.Length));
            }

            at = end + Math.Max(separator, 1);
        }

        return result;
    }

    private static Dictionary<ulong, int> Count(string text)
    {
        var counter = new Counter(new Dictionary<ulong, int>());
        VisitFeatures(text, ref counter);
        return counter.Counts;
    }

    /// <summary>Receives a text's features in the order they are read, so none has to be stored.</summary>
    private interface IFeatureVisitor
    {
        void Visit(ulong key);
    }

    private struct Scorer(LanguageIdentifier owner, double[] scores) : IFeatureVisitor
    {
        public int Features { get; private set; }

        public void Visit(ulong key)
        {
            Features++;
            var row = owner._logProb.TryGetRow(key, out var seen) ? seen : owner._unseenByOrder[Order(key)];
            var sums = scores.AsSpan(0, row.Length);
            for (var l = 0; l < sums.Length; l++)
            {
                sums[l] += row[l];
            }
        }
    }

    /// <summary>
    /// The features' rows in two flat arrays, keys open-addressed (linear probing, at most half full) and each row
    /// beside the slot of its key: a look-up reads the key array and then its row, where a dictionary of row arrays
    /// read a bucket, an entry and a separate array. The identifier reads some 7,000 features per article; this look-up
    /// was most of its time. The rows are the same values, added in the same order: guesses are unchanged.
    /// </summary>
    private sealed class FeatureTable
    {
        // Never a feature: orders (the top three bits) go up to 4.
        private const ulong Empty = ulong.MaxValue;

        private readonly ulong[] _keys;
        private readonly float[] _rows;
        private readonly int _width;
        private readonly int _shift;
        private readonly int _mask;

        public FeatureTable(Dictionary<ulong, float[]> rows, int width)
        {
            var capacity = 16;
            while (capacity < rows.Count * 2)
            {
                capacity *= 2;
            }

            _width = width;
            _mask = capacity - 1;
            _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
            _keys = new ulong[capacity];
            Array.Fill(_keys, Empty);
            _rows = new float[capacity * width];
            foreach (var (key, row) in rows)
            {
                var slot = Home(key);
                while (_keys[slot] != Empty)
                {
                    slot = (slot + 1) & _mask;
                }

                _keys[slot] = key;
                row.AsSpan(0, width).CopyTo(_rows.AsSpan(slot * width, width));
            }
        }

        public bool TryGetRow(ulong key, out ReadOnlySpan<float> row)
        {
            var slot = Home(key);
            while (true)
            {
                var held = _keys[slot];
                if (held == key)
                {
                    row = _rows.AsSpan(slot * _width, _width);
                    return true;
                }

                if (held == Empty)
                {
                    row = default;
                    return false;
                }

                slot = (slot + 1) & _mask;
            }
        }

        // Fibonacci hashing: the keys' low bits come from a byte-wise hash, the product's high bits mix all of them.
        private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
    }

    private readonly struct Counter(Dictionary<ulong, int> counts) : IFeatureVisitor
    {
        public Dictionary<ulong, int> Counts => counts;

        public void Visit(ulong key) => counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    // The order of a feature lives in its top 3 bits: 0 for whole words, 1–4 for n-grams.
    private static int Order(ulong key) => (int)(key >> 61);

    private static void VisitFeatures<TVisitor>(ReadOnlySpan<char> text, ref TVisitor visitor)
        where TVisitor : struct, IFeatureVisitor
    {
        Span<char> buffer = stackalloc char[66];
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || (text[i] == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            var length = i - start;
            if (length == 0)
            {
                continue;
            }

            // "_word_" lower-cased; long words contribute their n-grams from a window at each end.
            var padded = length + 2 <= buffer.Length ? buffer[..(length + 2)] : new char[length + 2];
            padded[0] = '_';
            for (var k = 0; k < length; k++)
            {
                padded[k + 1] = char.ToLowerInvariant(text[start + k]);
            }

            padded[^1] = '_';
            for (var n = 1; n <= MaxOrder; n++)
            {
                for (var k = 0; k + n <= padded.Length; k++)
                {
                    var gram = padded.Slice(k, n);
                    if (n == 1 && gram[0] == '_')
                    {
                        continue;
                    }

                    visitor.Visit(Hash(gram, n));
                }
            }

            if (length <= MaxWordFeature)
            {
                visitor.Visit(Hash(padded, 0));
            }
        }
    }

    private static ulong Hash(ReadOnlySpan<char> chars, int order)
    {
        var h = 14695981039346656037UL;
        foreach (var c in chars)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return (h & 0x1FFF_FFFF_FFFF_FFFFUL) | ((ulong)order << 61);
    }
}
