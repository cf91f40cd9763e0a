using System.Buffers;

namespace Chorus.Core.Text;

/// <summary>
/// A growable run of characters in an array rented from the shared pool: text built on a hot path without a
/// <see cref="System.Text.StringBuilder"/>'s chunks or a string per step. Pass it by reference; dispose it once.
/// </summary>
internal struct CharBuffer(int capacity) : IDisposable
{
    private char[] _chars = ArrayPool<char>.Shared.Rent(Math.Max(16, capacity));

    public int Length { get; private set; }

    /// <summary>What was appended so far; valid until the next append or the disposal.</summary>
    public readonly ReadOnlySpan<char> Written => _chars.AsSpan(0, Length);

    public void Append(char c)
    {
        if (Length == _chars.Length)
        {
            Grow(1);
        }

        _chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > _chars.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars.AsSpan(Length));
        Length += text.Length;
    }

    public void Dispose()
    {
        var chars = _chars;
        _chars = [];
        Length = 0;
        if (chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, Length + needed));
        _chars.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }
}
