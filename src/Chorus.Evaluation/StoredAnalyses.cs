using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Store;

namespace Chorus.Evaluation;

/// <summary>The analysis layers a store holds for judged articles, decoded, as the read side sees them (never analysed again).</summary>
internal static class StoredAnalyses
{
    /// <summary>Each article of <paramref name="ids"/> the store holds with its layers; the others are left out.</summary>
    public static async Task<Dictionary<string, AnalyzedArticle>> LoadAsync(IChorusStore store, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var articles = (await store.GetArticlesAsync(wanted, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var layers = await store.LoadAnalysesAsync(wanted, cancellationToken).ConfigureAwait(false);
        var decoded = new Dictionary<string, AnalyzedArticle>(StringComparer.Ordinal);
        foreach (var id in wanted)
        {
            if (articles.TryGetValue(id, out var a) && layers.TryGetValue(id, out var stored)
                && AnalysisCodec.Decode(stored.Layers, new RawArticle { Ref = a.Ref, Text = a.Text, Title = a.Title, Date = a.Date, Source = a.Source, Lang = a.Lang, Url = a.Url }) is { } analyzed)
            {
                decoded[id] = analyzed;
            }
        }

        return decoded;
    }
}
