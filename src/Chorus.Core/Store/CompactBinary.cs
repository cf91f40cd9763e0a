using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Chorus.Core.Store;

/// <summary>
/// Writes the store's compact binary records (story profiles, annotation layers): unsigned and zigzag LEB128 integers,
/// little-endian floats, length-prefixed UTF-8, keys written as the bytes they share with the key before them and the
/// rest, and strings a record repeats written once and then referred to. Into a pooled buffer; one record at a time
/// (<see cref="Reset"/> starts the next, keeping the buffer and the table of strings' room).
/// </summary>
public sealed class CompactWriter(int capacity = 1024) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    private int _length;
    private byte[] _previous = new byte[64];
    private int _previousLength;
    private Dictionary<string, int>? _strings;

    public int Length => _length;

    /// <summary>Starts a new record: what was written and the strings it held are forgotten, their room is kept.</summary>
    public void Reset()
    {
        _length = 0;
        _previousLength = 0;
        _strings?.Clear();
    }

    public void Byte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    /// <summary>A count, length or other non-negative integer.</summary>
    public void Count(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Unsigned((uint)value);
    }

    /// <summary>Any integer, small ones of either sign in few bytes (zigzag).</summary>
    public void Signed(int value) => Unsigned((uint)((value << 1) ^ (value >> 31)));

    private void Unsigned(uint value)
    {
        Ensure(5);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_length++] = (byte)value;
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

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void Text(ReadOnlySpan<char> value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        Count(bytes);
        Ensure(bytes);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    /// <summary>
    /// A string a record may hold many times (a type code, a unit, a speaker): null, new (written out and numbered), or
    /// the number of the same string written before in this record.
    /// </summary>
    public void Shared(string? value)
    {
        if (value is null)
        {
            Count(0);
            return;
        }

        Shared(value.AsSpan());
    }

    /// <summary>As <see cref="Shared(string?)"/> for a part of a string: no string is made unless it is new to the record.</summary>
    public void Shared(ReadOnlySpan<char> value)
    {
        _strings ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var number))
        {
            Count(number + 2);
            return;
        }

        lookup[value] = _strings.Count;
        Count(1);
        Text(value);
    }

    /// <summary>The next key shares nothing with the ones before (a new list starts).</summary>
    public void ResetKey() => _previousLength = 0;

    /// <summary>A key of a list whose neighbours share prefixes: the bytes it shares with the key before, then the rest.</summary>
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

/// <summary>
/// Reads what <see cref="CompactWriter"/> wrote. Anything that cannot be (a read past the end, an impossible length, a
/// count of more entries than the bytes left could hold) throws <see cref="InvalidDataException"/>, the one error a
/// damaged record gives.
/// </summary>
public ref struct CompactReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;
    private byte[] _previous = new byte[64];
    private int _previousLength;
    private List<string>? _strings;

    public readonly bool AtEnd => _position == _data.Length;

    public byte Byte() => Take(1)[0];

    public int Count()
    {
        var value = Unsigned();
        return value <= int.MaxValue ? (int)value : throw Damaged();
    }

    public int Signed()
    {
        var value = Unsigned();
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    private uint Unsigned()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Byte();
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
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

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        _ => throw Damaged(),
    };

    public string Text() => Encoding.UTF8.GetString(Take(Count()));

    public string? Shared()
    {
        var tag = Count();
        if (tag == 0)
        {
            return null;
        }

        _strings ??= [];
        if (tag == 1)
        {
            var text = Text();
            _strings.Add(text);
            return text;
        }

        return tag - 2 < _strings.Count ? _strings[tag - 2] : throw Damaged();
    }

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
        if (count < 0 || count > _data.Length - _position)
        {
            throw Damaged();
        }

        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    public static InvalidDataException Damaged() => new("a damaged record (it ends too soon or holds an impossible value)");
}
