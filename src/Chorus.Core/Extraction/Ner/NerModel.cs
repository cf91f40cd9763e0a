using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Chorus.Core.Extraction.Ner;

/// <summary>
/// The weights of one tagging pass: per (feature bucket, tag) a weight quantised to 16 bits with one scale
/// factor, and a (previous tag, tag) transition matrix whose extra row is the sentence start. Decoding is
/// Viterbi restricted to valid IOB2 sequences. Immutable after loading; thread-safe.
/// </summary>
public sealed class NerPassModel
{
    // Only the buckets with a weight are kept (3 % of 2^20 in the shipped model): a bit per bucket, the rows of
    // those set, in bucket order, and the number of set bits before each 64 buckets. The full table (19 MB a pass)
    // made every feature a cache miss; these (under 1 MB) stay in the cache, and the sums are the same integers.
    private readonly ulong[] _present;
    private readonly int[] _presentBefore;
    private readonly short[] _rows;
    private readonly int _buckets;
    private readonly float _scale;
    private readonly float[] _transitions;

    public NerPassModel(short[] weights, float scale, float[] transitions)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var t = NerTags.Count;
        if (weights.Length % t != 0)
        {
            throw new InvalidDataException($"model weights: {weights.Length} is not a whole number of rows of {t} tags");
        }

        _buckets = weights.Length / t;
        _present = new ulong[(_buckets + 63) >> 6];
        _presentBefore = new int[_present.Length];
        var kept = 0;
        for (var bucket = 0; bucket < _buckets; bucket++)
        {
            if (weights.AsSpan(bucket * t, t).ContainsAnyExcept((short)0))
            {
                _present[bucket >> 6] |= 1UL << bucket;
                kept++;
            }
        }

        for (var w = 1; w < _present.Length; w++)
        {
            _presentBefore[w] = _presentBefore[w - 1] + System.Numerics.BitOperations.PopCount(_present[w - 1]);
        }

        _rows = new short[kept * t];
        foreach (var (bucket, row) in Kept())
        {
            weights.AsSpan(bucket * t, t).CopyTo(_rows.AsSpan(row * t, t));
        }

        _scale = scale;
        _transitions = transitions;
    }

    public static NerPassModel Quantise(float[] weights, float[] transitions)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var max = 0f;
        foreach (var w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max == 0 ? 1f : max / short.MaxValue;
        var q = new short[weights.Length];
        for (var i = 0; i < q.Length; i++)
        {
            q[i] = (short)Math.Round(weights[i] / scale);
        }

        return new NerPassModel(q, scale, transitions);
    }

    public int[] Decode(SentenceFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Decode(features.Features, features.Starts, default, default);
    }

    /// <summary>
    /// Labels one sentence from the features of its tokens: token i's are <c>features[starts[i]..starts[i+1])</c>
    /// plus, when given, <c>more[moreStarts[i]..moreStarts[i+1])</c> (the second pass's stacked features beside the
    /// base ones, so neither is copied). <paramref name="starts"/> holds n + 1 offsets.
    /// </summary>
    public int[] Decode(ReadOnlySpan<int> features, ReadOnlySpan<int> starts, ReadOnlySpan<int> more, ReadOnlySpan<int> moreStarts)
    {
        var n = Math.Max(0, starts.Length - 1);
        var t = NerTags.Count;
        // Emission, score and back-pointer tables from the pool: one sentence's worth, used and given back here.
        var emissionsArray = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Max(1, n * t));
        var scoreArray = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Max(1, n * t));
        var backArray = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, n * t));
        try
        {
            var emissions = emissionsArray.AsSpan(0, n * t);
            Emissions(features, starts, more, moreStarts, emissions);
            return Viterbi.Decode(emissions, _transitions, n, scoreArray.AsSpan(0, n * t), backArray.AsSpan(0, n * t));
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(emissionsArray);
            System.Buffers.ArrayPool<float>.Shared.Return(scoreArray);
            System.Buffers.ArrayPool<int>.Shared.Return(backArray);
        }
    }

    private void Emissions(ReadOnlySpan<int> features, ReadOnlySpan<int> starts, ReadOnlySpan<int> more, ReadOnlySpan<int> moreStarts, Span<float> emissions)
    {
        var n = Math.Max(0, starts.Length - 1);
        var t = NerTags.Count;
        Span<int> sums = stackalloc int[t];
        for (var i = 0; i < n; i++)
        {
            sums.Clear();
            Sum(features[starts[i]..starts[i + 1]], sums);
            if (moreStarts.Length > 0)
            {
                Sum(more[moreStarts[i]..moreStarts[i + 1]], sums);
            }

            for (var tag = 0; tag < t; tag++)
            {
                emissions[(i * t) + tag] = sums[tag] * _scale;
            }
        }
    }

    private void Sum(ReadOnlySpan<int> features, Span<int> sums)
    {
        // First the rows' places, without a branch (a feature whose bucket learnt nothing writes a place the next one
        // overwrites), then the rows, eight tags at a time as vector lanes and the rest one by one. The branch on a
        // presence bit per feature is likely what kept the processor fetching one row at a time; with every place known
        // before the first row is read it can fetch several. Integer sums, in any order the same.
        var t = sums.Length;
        int[]? rented = null;
        var places = features.Length <= 256 ? stackalloc int[features.Length] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(features.Length));
        try
        {
            var count = 0;
            foreach (var feature in features)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(feature);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feature, _buckets);
                var word = _present[feature >> 6];
                places[count] = (_presentBefore[feature >> 6] + System.Numerics.BitOperations.PopCount(word & ((1UL << feature) - 1))) * t;
                count += (int)((word >> feature) & 1);
            }

            var rows = _rows.AsSpan();
            foreach (var place in places[..count])
            {
                var row = rows.Slice(place, t);
                var tag = 0;
                for (; tag + Vector128<short>.Count <= t; tag += Vector128<short>.Count)
                {
                    var (lower, upper) = Vector128.Widen(Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(row), (nuint)tag));
                    ref var at = ref MemoryMarshal.GetReference(sums);
                    (Vector128.LoadUnsafe(ref at, (nuint)tag) + lower).StoreUnsafe(ref at, (nuint)tag);
                    (Vector128.LoadUnsafe(ref at, (nuint)tag + 4) + upper).StoreUnsafe(ref at, (nuint)tag + 4);
                }

                for (; tag < t; tag++)
                {
                    sums[tag] += row[tag];
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_scale);
        writer.Write(_transitions.Length);
        foreach (var v in _transitions)
        {
            writer.Write(v);
        }

        // The full table again, zero rows included: the file format is the table.
        var t = NerTags.Count;
        var weights = new short[_buckets * t];
        foreach (var (bucket, row) in Kept())
        {
            _rows.AsSpan(row * t, t).CopyTo(weights.AsSpan(bucket * t, t));
        }

        writer.Write(weights.Length);
        var bytes = new byte[weights.Length * 2];
        Buffer.BlockCopy(weights, 0, bytes, 0, bytes.Length);
        writer.Write(bytes);
    }

    // The kept buckets in order, each with its row in _rows.
    private IEnumerable<(int Bucket, int Row)> Kept()
    {
        var row = 0;
        for (var w = 0; w < _present.Length; w++)
        {
            for (var word = _present[w]; word != 0; word &= word - 1)
            {
                yield return ((w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word), row++);
            }
        }
    }

    internal static NerPassModel Read(BinaryReader reader)
    {
        var scale = reader.ReadSingle();
        var transitions = new float[reader.ReadInt32()];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        var weights = new short[reader.ReadInt32()];
        var bytes = reader.ReadBytes(weights.Length * 2);
        if (bytes.Length != weights.Length * 2)
        {
            throw new InvalidDataException("model file is truncated");
        }

        Buffer.BlockCopy(bytes, 0, weights, 0, bytes.Length);
        return new NerPassModel(weights, scale, transitions);
    }
}

/// <summary>Viterbi decoding over emission and transition scores, allowing only valid IOB2 sequences.</summary>
internal static class Viterbi
{
    public static int[] Decode(float[] emissions, float[] transitions, int n)
        => Decode(emissions, transitions, n, new float[n * NerTags.Count], new int[n * NerTags.Count]);

    /// <summary>As the other overload, with the caller's tables for scores and back-pointers (n × tags each).</summary>
    public static int[] Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, int n, Span<float> score, Span<int> back)
    {
        var t = NerTags.Count;
        var result = new int[n];
        if (n == 0)
        {
            return result;
        }

        for (var tag = 0; tag < t; tag++)
        {
            score[tag] = NerTags.IsInside(tag) ? float.NegativeInfinity : emissions[tag] + transitions[(t * t) + tag];
        }

        for (var i = 1; i < n; i++)
        {
            for (var tag = 0; tag < t; tag++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var prev = 0; prev < t; prev++)
                {
                    if (!NerTags.Allowed(prev, tag))
                    {
                        continue;
                    }

                    var s = score[((i - 1) * t) + prev] + transitions[(prev * t) + tag];
                    if (s > best)
                    {
                        best = s;
                        arg = prev;
                    }
                }

                score[(i * t) + tag] = best + emissions[(i * t) + tag];
                back[(i * t) + tag] = arg;
            }
        }

        var last = 0;
        for (var tag = 1; tag < t; tag++)
        {
            if (score[((n - 1) * t) + tag] > score[((n - 1) * t) + last])
            {
                last = tag;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            result[i] = last;
            last = back[(i * t) + last];
        }

        return result;
    }
}

/// <summary>
/// A trained two-pass tagger model: the feature hash size and the weights of both passes. The file is one
/// gzip stream: a magic string, a format version, the hash bits, the tag set, then pass 1 and pass 2.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "CHORUS-NER";
    private const int FormatVersion = 1;

    public NerModel(int bits, NerPassModel pass1, NerPassModel pass2)
    {
        Bits = bits;
        Pass1 = pass1;
        Pass2 = pass2;
    }

    public int Bits { get; }

    public NerPassModel Pass1 { get; }

    public NerPassModel Pass2 { get; }

    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Bits);
            writer.Write(string.Join(' ', NerTags.All));
            Pass1.Write(writer);
            Pass2.Write(writer);
        }

        // Written aside and moved into place, so a failed save never leaves half a model behind.
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Loads a model, or says why it cannot (missing, not a model, other tag set, truncated).</summary>
    public static Time.ParseResult<NerModel> Load(string path)
    {
        if (!File.Exists(path))
        {
            return Time.ParseResult<NerModel>.Fail($"{path}: no such model file");
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffered = new BufferedStream(gzip, 1 << 20);
            using var reader = new BinaryReader(buffered, Encoding.UTF8);
            if (reader.ReadString() != Magic)
            {
                return Time.ParseResult<NerModel>.Fail($"{path}: not a Chorus NER model");
            }

            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                return Time.ParseResult<NerModel>.Fail($"{path}: model format {version}, this Chorus reads {FormatVersion}");
            }

            var bits = reader.ReadInt32();
            var tags = reader.ReadString();
            if (tags != string.Join(' ', NerTags.All))
            {
                return Time.ParseResult<NerModel>.Fail($"{path}: model has tag set '{tags}'");
            }

            return Time.ParseResult<NerModel>.Ok(new NerModel(bits, NerPassModel.Read(reader), NerPassModel.Read(reader)));
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            return Time.ParseResult<NerModel>.Fail($"{path}: cannot read model: {e.Message}");
        }
    }
}
