namespace Chorus.Core.Text;

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

/// <summary>A token as offsets into the text; no string is allocated until a stage needs one.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, End - Start);
}
