using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Chorus.Core.Stories;

namespace Chorus.Storage;

/// <summary>
/// The stored form of a story profile: a compact binary record, not JSON. A profile is written every time an article
/// joins its story, inside ingest's serial part, and read back for every story of the window an ingest opens; as JSON,
/// formatting and parsing its ~360 weights was a tenth of the writer's story work and the profile the largest column
/// of the store (~4.4 KB per article on DPG 2019). Profiles stored as JSON before stay readable (<see cref="Read(object)"/>).
/// </summary>
/// <remarks>
/// Layout (little-endian): the format byte <see cref="Format"/> (never '{', which opens a JSON profile); id and title
/// (length-prefixed UTF-8); a flag byte; first and last day numbers when present; article count; the day sum (a
/// double); dated articles; then terms, languages, names, concepts and anchor names, each as a count and its entries
/// in the profile's own order (the clusterer breaks ties by it). A key is written as the bytes it shares with the
/// key before it and the UTF-8 bytes that follow (concept keys all start "#c:"); weights are 32-bit floats, written as
/// they are. Counts and lengths are unsigned LEB128. Keys are text: the readers refuse or replace unpaired surrogates,
/// which UTF-8 cannot hold.
/// </remarks>
internal static class StoryProfileCodec
{
    /// <summary>The first byte of every binary profile.</summary>
    public const byte Format = 1;

    private const byte TitleFromHeadlineFlag = 1;
    private const byte DigestFlag = 2;
    private const byte HasFirstFlag = 4;
    private const byte HasLastFlag = 8;

    public static byte[] Encode(StoryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var writer = new Writer(256 + (16 * (profile.Terms.Count + profile.Names.Count + profile.Concepts.Count)));
        writer.Byte(Format);
        writer.Text(profile.Id);
        writer.Text(profile.Title ?? string.Empty);
        var flags = (byte)((profile.TitleFromHeadline ? TitleFromHeadlineFlag : 0) | (profile.IsDigest ? DigestFlag : 0)
            | (profile.First is null ? 0 : HasFirstFlag) | (profile.Last is null ? 0 : HasLastFlag));
        writer.Byte(flags);
        if (profile.First is { } first)
        {
            writer.Count(first.DayNumber);
        }

        if (profile.Last is { } last)
        {
            writer.Count(last.DayNumber);
        }

        writer.Count(profile.ArticleCount);
        writer.Double(profile.DaySum);
        writer.Count(profile.DatedArticles);
        WriteWeights(writer, profile.Terms);
        writer.Count(profile.Languages.Count);
        writer.ResetKey();
        foreach (var (language, count) in profile.Languages)
        {
            writer.Key(language);
            writer.Count(count);
        }

        WriteWeights(writer, profile.Names);
        WriteWeights(writer, profile.Concepts);
        writer.Count(profile.AnchorNames.Count);
        writer.ResetKey();
        foreach (var name in profile.AnchorNames)
        {
            writer.Key(name);
        }

        return writer.ToArray();
    }

    private static void WriteWeights(Writer writer, Dictionary<string, float> weights)
    {
        writer.Count(weights.Count);
        writer.ResetKey();
        foreach (var (key, weight) in weights)
        {
            writer.Key(key);
            writer.Single(weight);
        }
    }

    /// <summary>A profile as a store gives it back: binary (<see cref="Encode"/>), or JSON as text or UTF-8 bytes (profiles stored before).</summary>
    public static StoryProfile Read(object value) => value switch
    {
        byte[] bytes when bytes.Length > 0 && bytes[0] == Format => Decode(bytes),
        byte[] bytes => StoreJson.DeserializeProfile(Encoding.UTF8.GetString(bytes)),
        string json => StoreJson.DeserializeProfile(json),
        _ => throw new InvalidDataException($"a story profile of unexpected type {value.GetType().Name}"),
    };

    public static StoryProfile Decode(ReadOnlySpan<byte> data)
    {
        var reader = new Reader(data);
        if (reader.Byte() != Format)
        {
            throw new InvalidDataException("not a binary story profile");
        }

        var id = reader.Text();
        var title = reader.Text();
        var flags = reader.Byte();
        DateOnly? first = (flags & HasFirstFlag) != 0 ? reader.Day() : null;
        DateOnly? last = (flags & HasLastFlag) != 0 ? reader.Day() : null;
        var profile = new StoryProfile
        {
            Id = id,
            Title = title,
            TitleFromHeadline = (flags & TitleFromHeadlineFlag) != 0,
            IsDigest = (flags & DigestFlag) != 0,
            First = first,
            Last = last,
            ArticleCount = reader.Count(),
            DaySum = reader.Double(),
            DatedArticles = reader.Count(),
        };
        ReadWeights(ref reader, profile.Terms);
        var languages = reader.Entries(2);
        reader.ResetKey();
        profile.Languages.EnsureCapacity(languages);
        for (var i = 0; i < languages; i++)
        {
            var language = reader.Key();
            profile.Languages[language] = reader.Count();
        }

        ReadWeights(ref reader, profile.Names);
        ReadWeights(ref reader, profile.Concepts);
        var anchors = reader.Entries(2);
        reader.ResetKey();
        for (var i = 0; i < anchors; i++)
        {
            profile.AnchorNames.Add(reader.Key());
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException("a binary story profile with bytes after its end");
        }

        return profile;
    }

    private static void ReadWeights(ref Reader reader, Dictionary<string, float> into)
    {
        var count = reader.Entries(6);
        reader.ResetKey();
        into.EnsureCapacity(count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.Key();
            into[key] = reader.Single();
        }
    }

    /// <summary>Appends to a pooled buffer; keeps the key before the current one for prefix sharing.</summary>
    private sealed class Writer(int capacity) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        private int _length;
        private byte[] _previous = new byte[64];
        private int _previousLength;

        public void Byte(byte value)
        {
            Ensure(1);
            _buffer[_length++] = value;
        }

        public void Count(int value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Ensure(5);
            var v = (uint)value;
            while (v >= 0x80)
            {
                _buffer[_length++] = (byte)(v | 0x80);
                v >>= 7;
            }

            _buffer[_length++] = (byte)v;
        }

        public void Single(float value)
        {
            Ensure(4);
            BinaryPrimitives.WriteSingleLittleEndian(_buffer.AsSpan(_length), value);
            _length += 4;
        }

        public void Double(double value)
        {
            Ensure(8);
            BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_length), value);
            _length += 8;
        }

        public void Text(string value)
        {
            var bytes = Encoding.UTF8.GetByteCount(value);
            Count(bytes);
            Ensure(bytes);
            _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        }

        /// <summary>The next key shares nothing with the ones before (a new list starts).</summary>
        public void ResetKey() => _previousLength = 0;

        public void Key(string key)
        {
            var bytes = Encoding.UTF8.GetByteCount(key);
            if (_previous.Length < bytes)
            {
                Array.Resize(ref _previous, Math.Max(bytes, _previous.Length * 2));
            }

            Span<byte> current = bytes <= 256 ? stackalloc byte[bytes] : new byte[bytes];
            Encoding.UTF8.GetBytes(key, current);
            var shared = _previous.AsSpan(0, _previousLength).CommonPrefixLength(current);
            Count(shared);
            Count(bytes - shared);
            Ensure(bytes - shared);
            current[shared..].CopyTo(_buffer.AsSpan(_length));
            _length += bytes - shared;
            current.CopyTo(_previous);
            _previousLength = bytes;
        }

        public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

        private void Ensure(int more)
        {
            if (_length + more > _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>Reads what <see cref="Writer"/> wrote; any read past the end is a damaged profile.</summary>
    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;
        private byte[] _previous = new byte[64];
        private int _previousLength;

        public readonly bool AtEnd => _position == _data.Length;

        public byte Byte() => Take(1)[0];

        public int Count()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value <= int.MaxValue ? (int)value : throw Damaged();
                }
            }

            throw Damaged();
        }

        /// <summary>A count of entries of at least <paramref name="smallest"/> bytes each, checked against the bytes left (a damaged count must not reserve gigabytes).</summary>
        public int Entries(int smallest)
        {
            var count = Count();
            return count <= (_data.Length - _position) / smallest ? count : throw Damaged();
        }

        public DateOnly Day()
        {
            var day = Count();
            return day <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber(day) : throw Damaged();
        }

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

        public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

        public string Text() => Encoding.UTF8.GetString(Take(Count()));

        public void ResetKey() => _previousLength = 0;

        public string Key()
        {
            var shared = Count();
            var suffix = Count();
            if (shared > _previousLength)
            {
                throw Damaged();
            }

            var bytes = Take(suffix);
            var length = shared + suffix;
            if (_previous.Length < length)
            {
                Array.Resize(ref _previous, Math.Max(length, _previous.Length * 2));
            }

            bytes.CopyTo(_previous.AsSpan(shared));
            _previousLength = length;
            return Encoding.UTF8.GetString(_previous, 0, length);
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || _position + count > _data.Length)
            {
                throw Damaged();
            }

            var span = _data.Slice(_position, count);
            _position += count;
            return span;
        }

        private static InvalidDataException Damaged() => new("a damaged binary story profile (it ends too soon or holds an impossible length)");
    }
}
