using Chorus.Core.Time;

namespace Chorus.Core.Ingest;

/// <summary>
/// An article as a reader found it: normalised text (NFC, LF line ends, paragraphs separated by a blank line)
/// and whatever metadata the input carried. Nothing here is inferred yet except by the reader itself.
/// </summary>
public sealed record RawArticle
{
    /// <summary>What the user gave: the file path as given or found, <c>path:line</c> for JSONL, or the record's id.</summary>
    public required string Ref { get; init; }

    /// <summary>The text that every annotation offset indexes into.</summary>
    public required string Text { get; init; }

    public string? Title { get; init; }

    public PartialDate? Date { get; init; }

    public string? Source { get; init; }

    public string? Url { get; init; }

    /// <summary>Language code declared by the input, if any; otherwise the analyser guesses.</summary>
    public string? Lang { get; init; }

    /// <summary>The input's own identifier (JSONL <c>id</c>), part of the article's identity.</summary>
    public string? ExternalId { get; init; }

    /// <summary>True when the input holds only a headline (no body text).</summary>
    public bool HeadlineOnly => Text.Length == 0;

    /// <summary>The text is a feed item's summary, not the article itself.</summary>
    public bool SummaryOnly { get; init; }
}
