using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Chorus.Core.Analysis;
using Chorus.Core.Text;

namespace Chorus.Core.Stories;

/// <summary>
/// MinHash signatures over word 4-shingles, with locality-sensitive banding so that near-identical articles
/// (wire copies, regional editions) are found by looking up a few band keys instead of comparing with every
/// article. With 16 bands of 4 rows, pairs at Jaccard 0.8 collide in at least one band with probability
/// 1-(1-0.8^4)^16 ≈ 0.9996, pairs at 0.3 with about 0.12; the signature comparison then decides. A signature
/// carries the number of shingles after its minimums, so that containment can be estimated as well as resemblance:
/// a wire copy reprinted with a new first sentence and an extra paragraph resembles its original at 0.5–0.6 but
/// contains it almost whole. Signatures stored before that have no count, and are compared by resemblance alone.
/// </summary>
public static class MinHasher
{
    public const int SignatureSize = 64;
    public const int Bands = 16;
    public const int Rows = SignatureSize / Bands;
    private const int ShingleWords = 4;

    /// <summary>Below this many words a text is too short for a reliable near-duplicate verdict.</summary>
    public const int MinWords = 25;

    private static readonly ulong[] Seeds = CreateSeeds();

    /// <summary>The signature, or null when the article has too few words.</summary>
    public static uint[]? Signature(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Raw.Text;
        var wordHashes = new List<ulong>(article.Tokens.Count);
        foreach (var t in article.Tokens)
        {
            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                wordHashes.Add(HashLower(t.Of(text)));
            }
        }

        if (wordHashes.Count < MinWords)
        {
            return null;
        }

        // Each row's minimum is kept as the high half of a 64-bit hash, as wide as the hashes, so that the rows can be
        // worked out eight at a time where the processor multiplies 64-bit lanes; the same values either way.
        Span<ulong> minimums = stackalloc ulong[SignatureSize];
        minimums.Fill(uint.MaxValue);
        var vectors = Vectorised;
        for (var i = 0; i + ShingleWords <= wordHashes.Count; i++)
        {
            var shingle = wordHashes[i];
            for (var k = 1; k < ShingleWords; k++)
            {
                shingle = Mix((shingle * 31) ^ wordHashes[i + k]);
            }

            if (vectors)
            {
                KeepMinimumsVectorised(shingle, minimums);
            }
            else
            {
                KeepMinimums(shingle, minimums);
            }
        }

        var signature = new uint[SignatureSize + 1];
        for (var s = 0; s < SignatureSize; s++)
        {
            signature[s] = (uint)minimums[s];
        }

        signature[SignatureSize] = (uint)(wordHashes.Count - ShingleWords + 1);
        return signature;
    }

    /// <summary>Whether rows are hashed eight at a time (64-bit lane multiplies in hardware); tests turn it off to compare.</summary>
    internal static bool Vectorised { get; set; } = Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported;

    private static void KeepMinimums(ulong shingle, Span<ulong> minimums)
    {
        for (var s = 0; s < SignatureSize; s++)
        {
            var h = Mix(shingle ^ Seeds[s]) >> 32;
            if (h < minimums[s])
            {
                minimums[s] = h;
            }
        }
    }

    private static void KeepMinimumsVectorised(ulong shingle, Span<ulong> minimums)
    {
        var shingles = Vector512.Create(shingle);
        var seeds = Seeds.AsSpan();
        for (var s = 0; s < SignatureSize; s += Vector512<ulong>.Count)
        {
            var z = shingles ^ Vector512.Create<ulong>(seeds.Slice(s));
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBUL;
            var h = (z ^ (z >>> 31)) >>> 32;
            var row = minimums.Slice(s);
            Vector512.CopyTo(Vector512.Min(Vector512.Create<ulong>(row), h), row);
        }
    }

    /// <summary>One key per band; equal keys mean the band's rows are all equal.</summary>
    public static long[] BandKeys(uint[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var keys = new long[Bands];
        for (var b = 0; b < Bands; b++)
        {
            ulong h = (ulong)b + 1;
            for (var r = 0; r < Rows; r++)
            {
                h = Mix(h ^ signature[(b * Rows) + r]);
            }

            keys[b] = (long)h;
        }

        return keys;
    }

    /// <summary>Estimated Jaccard similarity of the shingle sets.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var same = 0;
        for (var i = 0; i < SignatureSize && i < a.Length && i < b.Length; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return (double)same / SignatureSize;
    }

    /// <summary>
    /// How much of the smaller shingle set the larger one holds, estimated from resemblance J and the set sizes
    /// (|A∩B| = J·(|A|+|B|)/(1+J)); null when a signature carries no size.
    /// </summary>
    public static double? Containment(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length <= SignatureSize || b.Length <= SignatureSize || a[SignatureSize] == 0 || b[SignatureSize] == 0)
        {
            return null;
        }

        var j = Similarity(a, b);
        double sizeA = a[SignatureSize], sizeB = b[SignatureSize];
        return Math.Min(1, j * (sizeA + sizeB) / (1 + j) / Math.Min(sizeA, sizeB));
    }

    public static byte[] ToBytes(uint[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var bytes = new byte[signature.Length * 4];
        Buffer.BlockCopy(signature, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static uint[] FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var signature = new uint[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, signature, 0, signature.Length * 4);
        return signature;
    }

    private static ulong HashLower(ReadOnlySpan<char> word)
    {
        // FNV-1a over lower-cased UTF-16 units: stable across runs and processes, unlike string.GetHashCode.
        var h = 14695981039346656037UL;
        foreach (var c in word)
        {
            h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }

        return h;
    }

    // SplitMix64 finaliser: a cheap, well-distributed 64-bit mix.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[SignatureSize];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < seeds.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(state);
        }

        return seeds;
    }
}
