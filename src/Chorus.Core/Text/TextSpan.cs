namespace Chorus.Core.Text;

/// <summary>A <c>[Start, End)</c> range of UTF-16 code units in an article's stored text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, End - Start);
}
