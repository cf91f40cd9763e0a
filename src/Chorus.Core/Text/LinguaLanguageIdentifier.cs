using Lingua;

namespace Chorus.Core.Text;

/// <summary>
/// Lingua (SearchPioneer.Lingua, Apache-2.0) restricted to the languages of <see cref="LanguageIdentifier"/>. Its
/// n-gram models come from large corpora, so it is right on short text where the shipped model, trained on a few
/// pages, is not; but it is about 70 times slower and holds about 300 MB once its models are loaded, so the
/// analysis asks it only when the shipped model is unsure (<see cref="FallbackLanguageIdentifier"/>). The models
/// are read lazily, on the first question, from <c>Lingua/LanguageModels</c> beside the binaries (the build copies
/// only these ten languages). Calls are serialised: the library does not say that a detector is thread-safe.
/// </summary>
public sealed class LinguaLanguageIdentifier : ILanguageIdentifier
{
    private static readonly (Language Language, string Code)[] Supported =
    [
        (Language.Danish, "da"), (Language.German, "de"), (Language.English, "en"), (Language.Spanish, "es"),
        (Language.French, "fr"), (Language.Italian, "it"), (Language.Dutch, "nl"), (Language.Polish, "pl"),
        (Language.Portuguese, "pt"), (Language.Swedish, "sv"),
    ];

    private static readonly Lazy<LinguaLanguageIdentifier> LazyDefault = new(() => new LinguaLanguageIdentifier());

    private readonly Lazy<LanguageDetector> _detector = new(() => LanguageDetectorBuilder.FromLanguages([.. Supported.Select(s => s.Language)]).Build());
    private readonly Lock _gate = new();

    private LinguaLanguageIdentifier()
    {
    }

    public static LinguaLanguageIdentifier Default => LazyDefault.Value;

    public IReadOnlyList<string> Languages { get; } = [.. Supported.Select(s => s.Code)];

    /// <summary>Lingua reads the text as one piece; only the first 1,500 characters, as the n-gram model does.</summary>
    public LanguageGuess IdentifyMajority(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sample = text.Length > 1500 ? text[..1500] : text;
        if (!sample.Any(char.IsLetter))
        {
            return new LanguageGuess(LanguageIdentifier.Unknown, 0);
        }

        IReadOnlyDictionary<Language, double> values;
        lock (_gate)
        {
            values = _detector.Value.ComputeLanguageConfidenceValues(sample);
        }

        var (best, confidence) = (Language.Unknown, 0.0);
        foreach (var (language, value) in values)
        {
            if (value > confidence)
            {
                (best, confidence) = (language, value);
            }
        }

        var code = Array.Find(Supported, s => s.Language == best).Code;
        return code is null ? new LanguageGuess(LanguageIdentifier.Unknown, 0) : new LanguageGuess(code, Math.Round(confidence, 3));
    }
}
