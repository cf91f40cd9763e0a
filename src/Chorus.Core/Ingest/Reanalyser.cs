using Chorus.Core.Analysis;
using Chorus.Core.Store;

namespace Chorus.Core.Ingest;

/// <summary>What a reanalysis did: articles whose layers were rewritten, and how many were left to do when it stopped.</summary>
public sealed record ReanalyseReport(int Reanalysed, int Total, int Version);

/// <summary>
/// Re-runs analysis over stored articles and rewrites their annotation layers: those without layers or with layers
/// of another analyser version, or every article when asked. Work is taken in id order a page at a time and each page
/// is committed on its own, so an interrupted run loses at most one page and a second run continues with what is left;
/// running it again when nothing is left changes nothing. Grouping and entity links are not redone: they stay as ingest made them.
/// </summary>
/// <param name="pageSize">Articles analysed and committed together.</param>
public sealed class Reanalyser(IChorusStore store, ArticleAnalyzer analyzer, int pageSize = 256)
{
    public async Task<ReanalyseReport> RunAsync(bool everything, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var version = analyzer.LayersVersion;
        var total = await store.CountArticlesToAnalyseAsync(version, everything, cancellationToken).ConfigureAwait(false);
        var done = 0;
        string? after = null;
        progress?.Report((0, total));
        while (true)
        {
            var ids = await store.ArticlesToAnalyseAsync(version, everything, after, Math.Max(1, pageSize), cancellationToken).ConfigureAwait(false);
            if (ids.Count == 0)
            {
                break;
            }

            var articles = await store.GetArticlesAsync(ids, cancellationToken).ConfigureAwait(false);
            var layers = new byte[articles.Count][];
            Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var a = articles[i];
                layers[i] = AnalysisCodec.Encode(analyzer.Analyze(new RawArticle { Ref = a.Ref, Text = a.Text, Title = a.Title, Date = a.Date, Source = a.Source, Lang = a.Lang, Url = a.Url, ExternalId = a.ExternalId }));
            });

            // Each page's write takes its turn with other writers (an ingest, another process's reanalyse), page by
            // page, so a long reanalysis never holds up an ingest for longer than one page.
            var writing = await store.LockForWritingAsync("reanalyse", null, cancellationToken).ConfigureAwait(false);
            await using (writing.ConfigureAwait(false))
            {
                var batch = await store.BeginBatchAsync(cancellationToken).ConfigureAwait(false);
                await using (batch.ConfigureAwait(false))
                {
                    for (var i = 0; i < articles.Count; i++)
                    {
                        await batch.SaveAnalysisAsync(articles[i].Id, version, layers[i], cancellationToken).ConfigureAwait(false);
                    }

                    await batch.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            done += articles.Count;
            after = ids[^1];
            progress?.Report((done, total));
        }

        return new ReanalyseReport(done, total, version);
    }
}
