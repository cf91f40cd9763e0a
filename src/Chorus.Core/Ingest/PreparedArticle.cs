using Chorus.Core.Analysis;
using Chorus.Core.Stories;

namespace Chorus.Core.Ingest;

/// <summary>
/// An article analysed and ready for the story writer: what an analysis worker hands on. It holds everything the
/// serial part needs (features for clustering, the near-copy signature, the encoded layers), so that part never
/// analyses; an analysis worker and a story writer could live in different processes.
/// </summary>
/// <param name="ContentKey">The article's identity (<see cref="ArticleIdentity.ContentKey"/>).</param>
/// <param name="Signature">The MinHash signature, null when the text is too short to have one.</param>
/// <param name="Layers">The annotation layers as stored (<see cref="AnalysisCodec"/>).</param>
public sealed record PreparedArticle(AnalyzedArticle Analyzed, string ContentKey, ArticleFeatures Features, uint[]? Signature, byte[] Layers);

/// <summary>One article's preparation: the prepared article, or why its analysis failed.</summary>
public readonly record struct Preparation(PreparedArticle? Article, InputProblem? Failure);

/// <summary>An article with its content key, as it goes through de-duplication and analysis.</summary>
public readonly record struct KeyedArticle(RawArticle Article, string Key)
{
    public static KeyedArticle Of(RawArticle article) => new(article, ArticleIdentity.ContentKey(article));
}

/// <summary>
/// The analysis stage of ingest: raw article in, <see cref="PreparedArticle"/> out. Stateless apart from the
/// analyzer, so any number of these run side by side.
/// </summary>
public sealed class ArticlePreparer(ArticleAnalyzer analyzer)
{
    /// <summary>Analyses one article; a defect in its analysis fails that article only, never the batch or the run.</summary>
    public Preparation Prepare(KeyedArticle keyed)
    {
        var article = keyed.Article;
        try
        {
            var analyzed = analyzer.Analyze(article);
            return new(new PreparedArticle(analyzed, keyed.Key, ArticleFeatures.From(analyzed), MinHasher.Signature(analyzed), AnalysisCodec.Encode(analyzed)), null);
        }
#pragma warning disable CA1031 // A defect in one article's analysis rejects that article; the batch and the run go on.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new(null, new InputProblem(article.Ref, $"analysis failed: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>Prepares the articles on every core; the results are in the order of the input.</summary>
    public Preparation[] PrepareAll(IReadOnlyList<KeyedArticle> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var prepared = new Preparation[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = Prepare(articles[i]));
        return prepared;
    }
}
