namespace Chorus.Core.Text;

/// <summary>Says which language a text is in.</summary>
public interface ILanguageIdentifier
{
    /// <summary>The language codes it can answer (ISO 639-1), besides <see cref="LanguageIdentifier.Unknown"/>.</summary>
    IReadOnlyList<string> Languages { get; }

    /// <summary>The language of most of the text, with how sure the identification is (0–1).</summary>
    LanguageGuess IdentifyMajority(string text);
}

/// <summary>The identifiers Chorus ships, by name, for the analysis and for <c>eval langid</c>.</summary>
public enum LanguageIdentifierKind
{
    /// <summary>The character n-gram model trained on Chorus's own text (fast, small, weak on headlines).</summary>
    Ngram,

    /// <summary>Lingua over the same ten languages (large models, slow, strong on short text).</summary>
    Lingua,

    /// <summary>The n-gram model, and Lingua where the n-gram model is unsure: what the analysis uses.</summary>
    Combined,
}

/// <summary>The shipped identifiers.</summary>
public static class LanguageIdentifiers
{
    private static readonly Lazy<ILanguageIdentifier> LazyCombined = new(() => new FallbackLanguageIdentifier(LanguageIdentifier.Default, LinguaLanguageIdentifier.Default));

    /// <summary>What the analysis uses: <see cref="LanguageIdentifierKind.Combined"/>.</summary>
    public static ILanguageIdentifier Default => LazyCombined.Value;

    public static ILanguageIdentifier Get(LanguageIdentifierKind kind) => kind switch
    {
        LanguageIdentifierKind.Ngram => LanguageIdentifier.Default,
        LanguageIdentifierKind.Lingua => LinguaLanguageIdentifier.Default,
        LanguageIdentifierKind.Combined => Default,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
