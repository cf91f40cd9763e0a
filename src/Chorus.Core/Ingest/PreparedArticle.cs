using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Stories;

namespace Chorus.Core.Ingest;

/// <summary>
/// An article analysed and ready for the story writer: what an analysis worker hands on. It holds everything the
/// serial part needs (features for clustering, the near-copy signature, the entities to link, the encoded layers), so
/// that part never analyses; an analysis worker and a story writer could live in different processes. It holds no more:
/// a batch waits for the writer while the next one is analysed, so what it holds survives that analysis's collections
/// and is copied by each (the whole analysis, once held here too, was 16 of the 56 KB a prepared DPG article kept).
/// </summary>
public sealed record PreparedArticle
{
    /// <summary>The article as read.</summary>
    public required RawArticle Raw { get; init; }

    /// <summary>The article's identity (<see cref="ArticleIdentity.ContentKey"/>).</summary>
    public required string ContentKey { get; init; }

    /// <summary>The language the analysis identified.</summary>
    public required string Lang { get; init; }

    /// <summary>The title the article gives a story it opens.</summary>
    public required StoryTitle Title { get; init; }

    /// <summary>What clustering compares.</summary>
    public required ArticleFeatures Features { get; init; }

    /// <summary>The article's entities after in-article coreference: what entity linking reads.</summary>
    public required IReadOnlyList<LocalEntity> EntityGroups { get; init; }

    /// <summary>The MinHash signature, null when the text is too short to have one.</summary>
    public required uint[]? Signature { get; init; }

    /// <summary>The annotation layers as stored (<see cref="AnalysisCodec"/>).</summary>
    public required byte[] Layers { get; init; }

    /// <summary>What the writer needs of an analysed article, computed here, in the analysis worker.</summary>
    public static PreparedArticle Of(AnalyzedArticle analyzed, string contentKey)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        return new()
        {
            Raw = analyzed.Raw,
            ContentKey = contentKey,
            Lang = analyzed.Lang,
            Title = StoryTitle.Of(analyzed),
            Features = ArticleFeatures.From(analyzed),
            EntityGroups = analyzed.EntityGroups,
            Signature = MinHasher.Signature(analyzed),
            Layers = AnalysisCodec.Encode(analyzed),
        };
    }
}

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
            return new(PreparedArticle.Of(analyzer.Analyze(article), keyed.Key), null);
        }
#pragma warning disable CA1031 // A defect in one article's analysis rejects that article; the batch and the run go on.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new(null, new InputProblem(article.Ref, $"analysis failed: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>
    /// Prepares the articles on every core, on the analysis threads where there are (<see cref="AnalysisThreads"/>); the
    /// results are in the order of the input.
    /// </summary>
    public async Task<Preparation[]> PrepareAllAsync(IReadOnlyList<KeyedArticle> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var prepared = new Preparation[articles.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        void PrepareEach() => Parallel.For(0, articles.Count, options, i => prepared[i] = Prepare(articles[i]));
        if (AnalysisThreads.Shared is { } threads)
        {
            options.TaskScheduler = threads;
            await threads.RunAsync(PrepareEach, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            PrepareEach();
        }

        return prepared;
    }
}
