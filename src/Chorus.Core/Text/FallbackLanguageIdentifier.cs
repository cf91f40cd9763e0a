namespace Chorus.Core.Text;

/// <summary>
/// Asks a fast identifier first and a second, stronger one only when the first is unsure (confidence below
/// <see cref="DefaultThreshold"/>): articles, whose language the n-gram model knows for certain, never pay for the
/// second; headlines and short items, where it guesses, do. If the second cannot answer (its models are missing
/// or fail to load), the first one's guess stands, so language identification never stops an ingest.
/// </summary>
public sealed class FallbackLanguageIdentifier(ILanguageIdentifier first, ILanguageIdentifier second, double threshold = FallbackLanguageIdentifier.DefaultThreshold) : ILanguageIdentifier
{
    /// <summary>Chosen on the odd rows of the UCI headlines and checked on the even rows (docs/langid.md).</summary>
    public const double DefaultThreshold = 0.8;

    private volatile bool _secondFailed;
    private int _deferred;

    public IReadOnlyList<string> Languages => first.Languages;

    /// <summary>How many texts went to the second identifier (for measuring its cost).</summary>
    public int Deferred => _deferred;

    public LanguageGuess IdentifyMajority(string text)
    {
        var guess = first.IdentifyMajority(text);
        if (guess.Confidence >= threshold || guess.Lang == LanguageIdentifier.Unknown || _secondFailed)
        {
            return guess;
        }

        Interlocked.Increment(ref _deferred);
        try
        {
            var better = second.IdentifyMajority(text);
            return better.Lang == LanguageIdentifier.Unknown ? guess : better;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            _secondFailed = true;
            return guess;
        }
    }
}
