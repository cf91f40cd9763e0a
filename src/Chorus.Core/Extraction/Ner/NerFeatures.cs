using System.Runtime.CompilerServices;

namespace Chorus.Core.Extraction.Ner;

/// <summary>The hashed features of one sentence: for token i, <c>Features[Starts[i]..Starts[i+1])</c>.</summary>
public sealed record SentenceFeatures(int[] Features, int[] Starts)
{
    public int Length => Starts.Length - 1;
}

/// <summary>
/// Turns a document into hashed feature indexes. Word forms are normalised for the features only (curly
/// quotes and dashes become their ASCII forms, as in the training data); the text itself is never changed.
/// Immutable and thread-safe.
/// <para>Base features: word, lower case, shape, prefixes and suffixes (1–4), neighbouring words (±2) and
/// shapes, word bigrams, sentence position, name-list spans and membership (PER/LOC/ORG/MISC), and whether the
/// same word is capitalised or lower-case elsewhere in the document.</para>
/// <para>Stacked features (second pass): the first pass's label of the token and its neighbours, and the
/// majority first-pass type of the same word elsewhere in the document.</para>
/// </summary>
public sealed class NerFeatureExtractor
{
    private readonly NameGazetteer _gazetteer;
    private readonly int _mask;

    private readonly NameListDropout _dropout;

    public NerFeatureExtractor(NameGazetteer gazetteer, int bits, NameListDropout? dropout = null)
    {
        _gazetteer = gazetteer;
        Bits = bits;
        _mask = (1 << bits) - 1;
        _dropout = dropout ?? NameListDropout.None;
    }

    public int Bits { get; }

    /// <summary>Normalised forms of every word of a document, computed once and shared by both passes.</summary>
    public sealed class DocumentContext
    {
        internal DocumentContext(string[][] words, string[][] lower, HashSet<string> capitalisedInside, HashSet<string> lowerCase)
        {
            Words = words;
            Lower = lower;
            CapitalisedInside = capitalisedInside;
            LowerCase = lowerCase;
        }

        internal string[][] Words { get; }

        internal string[][] Lower { get; }

        internal HashSet<string> CapitalisedInside { get; }

        internal HashSet<string> LowerCase { get; }
    }

    public DocumentContext Prepare(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var words = new string[sentences.Count][];
        var lower = new string[sentences.Count][];
        // Sized for news text (about half its words are distinct lower-case words, few capitalised inside a
        // sentence): grown from empty, the tables' copies were a tenth of what entity tagging allocated.
        var tokens = 0;
        foreach (var sentence in sentences)
        {
            tokens += sentence.Count;
        }

        var capitalised = new HashSet<string>(tokens / 16, StringComparer.Ordinal);
        var lowerCase = new HashSet<string>(tokens / 2, StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            var input = sentences[s];
            var n = input.Count;
            // The caller's array is the sentence's words as they are, unless a quote or dash in one is normalised:
            // copied only then.
            words[s] = input as string[] ?? [.. input];
            lower[s] = new string[n];
            for (var i = 0; i < n; i++)
            {
                var w = Normalise(input[i]);
                if (!ReferenceEquals(w, words[s][i]))
                {
                    if (ReferenceEquals(words[s], input))
                    {
                        words[s] = [.. input];
                    }

                    words[s][i] = w;
                }

                lower[s][i] = Text.WordPool.LowerOf(w);
                if (w.Length > 0 && char.IsUpper(w[0]) && i > 0 && !IsOpening(words[s][i - 1]))
                {
                    capitalised.Add(lower[s][i]);
                }
                else if (w.Length > 0 && char.IsLower(w[0]))
                {
                    lowerCase.Add(lower[s][i]);
                }
            }
        }

        return new DocumentContext(words, lower, capitalised, lowerCase);
    }

    /// <summary>The base features of sentence <paramref name="s"/>.</summary>
    public SentenceFeatures Extract(DocumentContext doc, int s)
    {
        var features = new IntList(64);
        var starts = new IntList(16);
        ExtractInto(doc, s, features, starts);
        return new SentenceFeatures(features.AsSpan().ToArray(), starts.AsSpan().ToArray());
    }

    /// <summary>
    /// Appends the base features of sentence <paramref name="s"/> to <paramref name="features"/>, and to
    /// <paramref name="starts"/> where each of its n tokens' features begin plus where the last one's end (n + 1
    /// offsets into <paramref name="features"/>). The tagger reuses both lists from sentence to sentence.
    /// </summary>
    public void ExtractInto(DocumentContext doc, int s, IntList features, IntList starts)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(starts);
        var words = doc.Words[s];
        var lower = doc.Lower[s];
        var n = words.Length;

        // Per-word facts used by several templates, computed once per sentence; shapes are written side by side
        // into one buffer (a token's shape is at most 32 characters), not a string each.
        // Every per-word array is pooled (a sentence's four were a fifth of what the tagger allocated); only the first n
        // places are used, each written below before it is read.
        var shapeChars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, n * 32));
        var shapeEnds = System.Buffers.ArrayPool<int>.Shared.Rent(n);
        var parts = System.Buffers.ArrayPool<string>.Shared.Rent(n);
        var given = System.Buffers.ArrayPool<bool>.Shared.Rent(n);
        var adjective = System.Buffers.ArrayPool<bool>.Shared.Rent(n);
        for (var i = 0; i < n; i++)
        {
            given[i] = false;
            adjective[i] = false;
            var from = i > 0 ? shapeEnds[i - 1] : 0;
            shapeEnds[i] = from + Shape(words[i], shapeChars.AsSpan(from, 32));
            var capitalised = words[i].Length > 1 && char.IsUpper(words[i][0]);
            if (capitalised)
            {
                var hash = NameGazetteer.Hash(words[i]);
                var hidden = _dropout.Hides(hash, _dropout.PartRate);
                parts[i] = PartName(hidden ? (byte)0 : _gazetteer.PartByHash(hash));
                given[i] = !hidden && _gazetteer.IsGivenNameByHash(hash);
                adjective[i] = _gazetteer.IsNameAdjective(words[i]);
            }
            else
            {
                parts[i] = PartNames[0];
            }
        }

        Span<byte> gazBegin = n <= 256 ? stackalloc byte[n] : new byte[n];
        Span<byte> gazInside = n <= 256 ? stackalloc byte[n] : new byte[n];
        gazBegin.Clear();
        gazInside.Clear();
        MarkGazetteerSpans(words, gazBegin, gazInside);

        ReadOnlySpan<char> ShapeOf(int i) => shapeChars.AsSpan(i > 0 ? shapeEnds[i - 1] : 0, shapeEnds[i] - (i > 0 ? shapeEnds[i - 1] : 0));
        for (var i = 0; i < n; i++)
        {
            starts.Add(features.Count);
            var w = words[i];
            var l = lower[i];
            var shape = ShapeOf(i);
            var prevShape = i > 0 ? ShapeOf(i - 1) : "<s>";
            Add(features, 1, "b");
            Add(features, 2, w);
            Add(features, 3, l);
            Add(features, 4, shape);
            for (var k = 1; k <= 4 && k <= l.Length; k++)
            {
                Add(features, 4 + k, l.AsSpan(0, k));
                Add(features, 8 + k, l.AsSpan(l.Length - k));
            }

            if (l.Length >= 5)
            {
                Add(features, 40, l.AsSpan(l.Length - 5));
            }

            Add(features, 13, i > 0 ? lower[i - 1] : "<s>");
            Add(features, 14, i + 1 < n ? lower[i + 1] : "</s>");
            Add(features, 15, i > 1 ? lower[i - 2] : "<s>");
            Add(features, 16, i + 2 < n ? lower[i + 2] : "</s>");
            Add(features, 17, prevShape);
            Add(features, 18, i + 1 < n ? ShapeOf(i + 1) : "</s>");
            Add2(features, 19, i > 0 ? lower[i - 1] : "<s>", l);
            Add2(features, 20, l, i + 1 < n ? lower[i + 1] : "</s>");
            Add2(features, 21, i == 0 ? "first" : "inner", shape);
            Add2(features, 22, prevShape, shape);

            for (var t = 0; t < 4; t++)
            {
                var bit = (byte)(1 << t);
                if ((gazBegin[i] & bit) != 0)
                {
                    Add(features, 23, NerTags.Types[t]);
                }

                if ((gazInside[i] & bit) != 0)
                {
                    Add(features, 24, NerTags.Types[t]);
                }
            }

            Add(features, 25, parts[i]);
            Add2(features, 41, i > 0 ? parts[i - 1] : "<s>", parts[i]);
            Add2(features, 42, parts[i], i + 1 < n ? parts[i + 1] : "</s>");
            if (adjective[i])
            {
                Add(features, 43, "adj");
            }

            if (i > 0 && adjective[i - 1])
            {
                Add(features, 44, shape);
            }

            if (given[i])
            {
                Add(features, 45, i + 1 < n ? ShapeOf(i + 1) : "</s>");
            }

            if (i > 0 && given[i - 1])
            {
                Add(features, 46, shape);
            }

            if (w.Length > 0 && char.IsUpper(w[0]))
            {
                var cap = doc.CapitalisedInside.Contains(l);
                var low = doc.LowerCase.Contains(l);
                Add2(features, 26, cap ? (low ? "both" : "cap") : (low ? "low" : "none"), i == 0 ? "first" : "inner");
            }
        }

        starts.Add(features.Count);
        System.Buffers.ArrayPool<char>.Shared.Return(shapeChars);
        System.Buffers.ArrayPool<int>.Shared.Return(shapeEnds);
        System.Buffers.ArrayPool<string>.Shared.Return(parts, clearArray: true);
        System.Buffers.ArrayPool<bool>.Shared.Return(given);
        System.Buffers.ArrayPool<bool>.Shared.Return(adjective);
    }

    /// <summary>The base features plus the stacked features from the first pass's labels.</summary>
    public SentenceFeatures Stack(DocumentContext doc, int s, SentenceFeatures baseFeatures, int[][] pass1, Dictionary<string, int> majority)
    {
        ArgumentNullException.ThrowIfNull(baseFeatures);
        var stacked = new IntList(32);
        var stackedStarts = new IntList(16);
        StackInto(doc, s, pass1, majority, stacked, stackedStarts);
        var n = baseFeatures.Length;
        var features = new List<int>(baseFeatures.Features.Length + stacked.Count);
        var starts = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            starts[i] = features.Count;
            features.AddRange(baseFeatures.Features.AsSpan(baseFeatures.Starts[i], baseFeatures.Starts[i + 1] - baseFeatures.Starts[i]));
            features.AddRange(stacked.AsSpan()[stackedStarts[i]..stackedStarts[i + 1]]);
        }

        starts[n] = features.Count;
        return new SentenceFeatures([.. features], starts);
    }

    /// <summary>
    /// Appends only the stacked features of sentence <paramref name="s"/> (from the first pass's labels) and their
    /// n + 1 token offsets, as <see cref="ExtractInto"/> does; the second pass adds them to the base features.
    /// </summary>
    public void StackInto(DocumentContext doc, int s, int[][] pass1, Dictionary<string, int> majority, IntList features, IntList starts)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(pass1);
        ArgumentNullException.ThrowIfNull(majority);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(starts);
        var words = doc.Words[s];
        var lower = doc.Lower[s];
        var labels = pass1[s];
        var n = words.Length;
        for (var i = 0; i < n; i++)
        {
            starts.Add(features.Count);
            Add(features, 30, NerTags.All[labels[i]]);
            Add2(features, 31, i > 0 ? NerTags.All[labels[i - 1]] : "<s>", NerTags.All[labels[i]]);
            Add2(features, 32, NerTags.All[labels[i]], i + 1 < n ? NerTags.All[labels[i + 1]] : "</s>");
            var w = words[i];
            if (w.Length > 1 && char.IsUpper(w[0]) && majority.TryGetValue(lower[i], out var type))
            {
                Add(features, 33, type == 0 ? "O" : NerTags.Types[type - 1]);
            }
        }

        starts.Add(features.Count);
    }

    /// <summary>Majority type (0 = O, 1–4 = PER…MISC) per capitalised word over the first pass's labels of a document.</summary>
    public static Dictionary<string, int> Majority(DocumentContext doc, int[][] pass1)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(pass1);
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var s = 0; s < doc.Words.Length; s++)
        {
            for (var i = 0; i < doc.Words[s].Length; i++)
            {
                var w = doc.Words[s][i];
                if (w.Length > 1 && char.IsUpper(w[0]))
                {
                    if (!counts.TryGetValue(doc.Lower[s][i], out var c))
                    {
                        c = new int[5];
                        counts[doc.Lower[s][i]] = c;
                    }

                    c[NerTags.TypeOf(pass1[s][i])]++;
                }
            }
        }

        var result = new Dictionary<string, int>(counts.Count, StringComparer.Ordinal);
        foreach (var (word, c) in counts)
        {
            var best = 0;
            for (var t = 1; t < 5; t++)
            {
                if (c[t] > c[best])
                {
                    best = t;
                }
            }

            result[word] = best;
        }

        return result;
    }

    // Longest name-list match starting at each position, marked as begin/inside bits per type.
    private void MarkGazetteerSpans(string[] words, Span<byte> begin, Span<byte> inside)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Length == 0 || !char.IsUpper(words[i][0]))
            {
                continue;
            }

            // Extend the hash one word at a time and keep the longest listed name.
            var hash = NameGazetteer.EmptyHash;
            byte longestTypes = 0;
            var longest = 0;
            for (var len = 1; len <= Math.Min(_gazetteer.MaxTokens, words.Length - i); len++)
            {
                hash = NameGazetteer.Extend(hash, words[i + len - 1], first: len == 1);
                var types = _gazetteer.FullByHash(hash, out var continues);
                if (types != 0 && !_dropout.Hides(hash, _dropout.FullRate))
                {
                    (longestTypes, longest) = (types, len);
                }

                if (!continues)
                {
                    // No listed name starts with these words and goes on.
                    break;
                }
            }

            if (longest > 0)
            {
                begin[i] |= longestTypes;
                for (var k = i + 1; k < i + longest; k++)
                {
                    inside[k] |= longestTypes;
                }
            }
        }
    }

    private static readonly string[] PartNames = Enumerable.Range(0, 16).Select(m => m == 0 ? "-" : string.Concat(
        (m & 1) != 0 ? "P" : string.Empty, (m & 2) != 0 ? "L" : string.Empty, (m & 4) != 0 ? "O" : string.Empty, (m & 8) != 0 ? "M" : string.Empty)).ToArray();

    private static string PartName(byte mask) => PartNames[mask & 15];

    /// <summary>Replaces characters the training data does not have by the ones it uses.</summary>
    public static string Normalise(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (!word.AsSpan().ContainsAny("‘’‚‛“”„‟–—`´"))
        {
            return word;
        }

        return string.Create(word.Length, word, static (dst, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                dst[i] = src[i] switch
                {
                    '‘' or '’' or '‚' or '‛' or '`' or '´' => '\'',
                    '“' or '”' or '„' or '‟' => '"',
                    '–' or '—' => '-',
                    var c => c,
                };
            }
        });
    }

    private static bool IsOpening(string w) => w is "\"" or "'" or "(" or ":";

    /// <summary>Word shape with runs collapsed: "Kim" → "Xx", "Jong-un" → "Xx-x", "KCNA" → "X", "2019" → "d".</summary>
    public static string Shape(string word)
    {
        Span<char> buffer = stackalloc char[32];
        return new string(buffer[..Shape(word, buffer)]);
    }

    /// <summary>Writes the shape of <paramref name="word"/> (X, x, d, other characters kept; runs collapsed; at most 32) and returns its length.</summary>
    public static int Shape(string word, Span<char> buffer)
    {
        ArgumentNullException.ThrowIfNull(word);
        buffer = buffer[..Math.Min(Math.Min(word.Length, 32), buffer.Length)];
        var n = 0;
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if ((n == 0 || buffer[n - 1] != s) && n < buffer.Length)
            {
                buffer[n++] = s;
            }
        }

        return n;
    }

    private void Add(IntList features, int template, ReadOnlySpan<char> value)
    {

        var h = Start(template);
        h = Mix(h, value);
        features.Add(Bucket(h));
    }

    private void Add2(IntList features, int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {

        var h = Start(template);
        h = Mix(h, a);
        h = (h ^ 0x1F) * 1099511628211UL;
        h = Mix(h, b);
        features.Add(Bucket(h));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Start(int template) => (14695981039346656037UL ^ (ulong)template) * 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bucket(ulong h)
    {
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return (int)(h & (ulong)_mask);
    }
}

/// <summary>
/// Hides name-list entries from the features while training. The Alpino lists were built from text that
/// overlaps the CoNLL training data: they cover 83% of its entities but 55% of unseen text's. A model trained
/// on full lists learns "not in the list, so not a name". Hiding each name with a fixed probability (by its
/// hash, so consistently through a document) gives the training data the coverage that new text has.
/// </summary>
public sealed record NameListDropout(double FullRate, double PartRate, ulong Seed)
{
    public static NameListDropout None { get; } = new(0, 0, 0);

    public bool Hides(ulong hash, double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        var h = (hash ^ Seed) * 0x9E3779B97F4A7C15UL;
        h ^= h >> 31;
        return (h % 10_000) < rate * 10_000;
    }
}
