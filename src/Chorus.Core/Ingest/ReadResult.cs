namespace Chorus.Core.Ingest;

/// <summary>A problem with one input, named precisely enough for a user to find it: <c>path</c> or <c>path:line</c>.</summary>
public sealed record InputProblem(string Input, string Reason)
{
    public override string ToString() => $"{Input}: {Reason}";
}

/// <summary>
/// One item a reader produced: an article (possibly with warnings, such as a missing date header) or a rejection.
/// Readers return these instead of throwing, so one bad input never stops an ingest.
/// </summary>
public sealed record ReadResult
{
    private ReadResult(RawArticle? article, InputProblem? rejection, IReadOnlyList<InputProblem> warnings)
    {
        Article = article;
        Rejection = rejection;
        Warnings = warnings;
    }

    public RawArticle? Article { get; }

    public InputProblem? Rejection { get; }

    public IReadOnlyList<InputProblem> Warnings { get; }

    public static ReadResult Ok(RawArticle article, params IReadOnlyList<InputProblem> warnings) => new(article, null, warnings);

    public static ReadResult Rejected(string input, string reason) => new(null, new InputProblem(input, reason), []);

    /// <summary>The same result with its article replaced (a reader's article under another reference).</summary>
    public ReadResult WithArticle(RawArticle article) => new(article, Rejection, Warnings);
}
