using System.Globalization;
using System.Runtime.CompilerServices;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Core.Text;
using Chorus.Core.Outlets;
using Chorus.Core.Time;
using Chorus.Storage.Queries;

namespace Chorus.Monitoring.Export;

/// <summary>What to export: a table, optionally only what is dated on or after a day, or one story's rows.</summary>
public sealed record ExportRequest(ExportTable Table, PartialDate? Since = null, string? StoryId = null);

/// <summary>
/// The rows of an export table, read from the store a page at a time, so that memory stays bounded whatever the
/// size of the archive. Cells are in the order of <see cref="ExportSchema.Columns"/>.
/// </summary>
public static class ExportRows
{
    private const int Page = 500;

    public static IAsyncEnumerable<object?[]> ReadAsync(ChorusQueries queries, ExportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(request);
        return request.Table switch
        {
            ExportTable.Stories => StoriesAsync(queries, request, cancellationToken),
            ExportTable.Articles => ArticlesAsync(queries, request, cancellationToken),
            ExportTable.Entities => EntitiesAsync(queries, cancellationToken),
            _ => ComparisonsAsync(queries, request, cancellationToken),
        };
    }

    private static string Join(IEnumerable<string> values) => string.Join(ExportSchema.ListSeparator, values);

    private static async IAsyncEnumerable<object?[]> StoriesAsync(ChorusQueries queries, ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var story in StoryItemsAsync(queries, request, cancellationToken).ConfigureAwait(false))
        {
            yield return
            [
                story.Id, story.Title, story.FirstDate, story.LastDate, story.Articles.Count, story.Sources, story.UnknownOutlets,
                Join(story.Outlets), Join(story.Langs), Join(story.KeyEntities.Select(e => e.Name)),
            ];
        }
    }

    private static async IAsyncEnumerable<StoryListItemDoc> StoryItemsAsync(ChorusQueries queries, ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (request.StoryId is { } id)
        {
            if (await queries.Workspace.Store.FindStoryAsync(id, cancellationToken).ConfigureAwait(false) is { } one)
            {
                yield return ContractMapper.ListItem(one);
            }

            yield break;
        }

        for (var page = 1; ; page++)
        {
            var docs = await queries.StoriesAsync(new StoryFilter { From = request.Since, Page = page, PageSize = Page }, cancellationToken).ConfigureAwait(false);
            foreach (var story in docs.Stories)
            {
                yield return story;
            }

            if (docs.Stories.Count < Page)
            {
                yield break;
            }
        }
    }

    private static async IAsyncEnumerable<object?[]> ArticlesAsync(ChorusQueries queries, ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IEnumerable<IReadOnlyList<string>> Pages(IReadOnlyList<string> ids) => ids.Chunk(Page);
        if (request.StoryId is { } id)
        {
            var story = await queries.Workspace.Store.FindStoryAsync(id, cancellationToken).ConfigureAwait(false);
            foreach (var page in Pages(story?.Articles.Select(a => a.Id).ToList() ?? []))
            {
                foreach (var row in await ArticleRowsAsync(queries, page, request.Since, cancellationToken).ConfigureAwait(false))
                {
                    yield return row;
                }
            }

            yield break;
        }

        string? after = null;
        while (true)
        {
            var ids = await queries.ArticleIdPageAsync(after, Page, cancellationToken).ConfigureAwait(false);
            if (ids.Count == 0)
            {
                yield break;
            }

            foreach (var row in await ArticleRowsAsync(queries, ids, request.Since, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }

            after = ids[^1];
        }
    }

    /// <summary>
    /// One page of article rows, from what ingest stored: the metadata, the entity occurrences (linked ids and the
    /// name each article gives them) and the figures of the stored layers. Nothing is analysed again; an article
    /// stored before its layers existed has empty figures and a word count from its text (run <c>reanalyse</c>).
    /// </summary>
    private static async Task<List<object?[]>> ArticleRowsAsync(ChorusQueries queries, IReadOnlyList<string> ids, PartialDate? since, CancellationToken cancellationToken)
    {
        var store = queries.Workspace.Store;
        var articles = await store.GetArticlesAsync(ids, cancellationToken).ConfigureAwait(false);
        var layers = await store.LoadAnalysesAsync(ids, cancellationToken).ConfigureAwait(false);
        var occurrences = (await store.ArticleEntitiesAsync(ids, cancellationToken).ConfigureAwait(false)).ToLookup(o => o.ArticleId, StringComparer.Ordinal);
        var rows = new List<object?[]>(articles.Count);
        foreach (var article in articles.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            if (since is { } s && (article.Date is not { } d || d.End < s.Start))
            {
                continue;
            }

            var raw = new RawArticle { Ref = article.Ref, Text = article.Text, Title = article.Title, Date = article.Date, Source = article.Source, Lang = article.Lang, Url = article.Url };
            // Layers of an older analyser are still what the store holds: exported as they are (`./chorus export` says
            // how many are older), never dropped for an empty column.
            var analysed = layers.TryGetValue(article.Id, out var stored) ? AnalysisCodec.Decode(stored.Layers, raw) : null;
            var entities = occurrences[article.Id].GroupBy(o => o.EntityId, StringComparer.Ordinal).Select(g => (Id: g.Key, Name: g.First().LocalName)).ToList();
            rows.Add(
            [
                article.Id, article.Ref, OutletNames.Label(article.Source, article.Url), article.Date?.ToString(), article.Lang, article.Title, article.Url, article.StoryId, article.DuplicateOf,
                Join(entities.Select(e => e.Id)), Join(entities.Select(e => e.Name)),
                Join((analysed?.Quantities ?? []).Select(q => Figure(q.Value, q.Unit))),
                analysed?.Tokens.Count(t => t.Kind == TokenKind.Word) ?? CountWords(article.Title) + CountWords(article.Text),
            ]);
        }

        return rows;
    }

    private static int CountWords(string? text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text ?? string.Empty)
        {
            var letter = char.IsLetterOrDigit(c);
            count += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return count;
    }

    private static string Figure(double value, string? unit)
        => unit is { Length: > 0 } ? string.Create(CultureInfo.InvariantCulture, $"{value:0.####} {unit}") : value.ToString("0.####", CultureInfo.InvariantCulture);

    private static async IAsyncEnumerable<object?[]> EntitiesAsync(ChorusQueries queries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entity in await queries.Workspace.Store.ListEntitiesAsync(int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            yield return
            [
                entity.Id, entity.Name, entity.Type.Code(), entity.Mentions,
                Join(entity.Variants.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key)),
            ];
        }
    }

    private static async IAsyncEnumerable<object?[]> ComparisonsAsync(ChorusQueries queries, ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in StoryItemsAsync(queries, request, cancellationToken).ConfigureAwait(false))
        {
            // A story of one article has nothing to compare.
            if (item.Articles.Count < 2 || await queries.StoryDocAsync(item.Id, why: false, cancellationToken).ConfigureAwait(false) is not { } doc)
            {
                continue;
            }

            var outlet = doc.Articles.ToDictionary(a => a.Id, a => a.Outlet, StringComparer.Ordinal);
            if (request.Table == ExportTable.Claims)
            {
                var number = 0;
                foreach (var claim in doc.Claims)
                {
                    number++;
                    foreach (var sentence in claim.Sentences)
                    {
                        yield return [doc.Id, number, claim.Shared, claim.Sources, sentence.Article, outlet.GetValueOrDefault(sentence.Article), sentence.Start, sentence.End, sentence.Text];
                    }
                }
            }
            else
            {
                var number = 0;
                foreach (var conflict in doc.Conflicts)
                {
                    number++;
                    foreach (var value in conflict.Values)
                    {
                        yield return [doc.Id, number, conflict.What, conflict.Kind, value.Article, outlet.GetValueOrDefault(value.Article), value.Value, value.Mention, value.Text];
                    }
                }
            }
        }
    }
}
