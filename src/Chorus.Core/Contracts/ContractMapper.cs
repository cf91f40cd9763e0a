using System.Globalization;
using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Ingest;
using Chorus.Core.Store;
using Chorus.Core.Stories;
using Chorus.Core.Stories.Comparison;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Contracts;

/// <summary>
/// Builds contract documents from stored articles and stories, on the annotation layers stored with each article at
/// ingest (<see cref="AnalysisCodec"/>): reads do not run the analyser. Only an article stored without layers of the
/// current analyser version (a store from before they were kept, until <c>./chorus reanalyse</c>) is analysed again,
/// by the analyser <paramref name="fallback"/> makes on first need.
/// </summary>
public sealed class ContractMapper
{
    private readonly IReadOnlyDictionary<string, StoredAnalysis> _layers;
    private readonly Func<ArticleAnalyzer> _fallback;
    private readonly StoryComparer _comparer = new();
    private readonly IReadOnlyDictionary<(string ArticleId, EntityType Type, string Name), string> _entityIds;
    private readonly Extraction.Times.TimeExpressionExtractor _times = new();

    /// <param name="layers">The stored layers of the articles this mapper will be asked about, by article id.</param>
    /// <param name="fallback">Makes the analyser for articles without current layers; called at most once.</param>
    /// <param name="entityIds">Cross-article entity ids by (article, type, in-article name), from the store; names not in it get provisional ids.</param>
    public ContractMapper(IReadOnlyDictionary<string, StoredAnalysis> layers, Func<ArticleAnalyzer> fallback, IReadOnlyDictionary<(string ArticleId, EntityType Type, string Name), string>? entityIds = null)
    {
        _layers = layers;
        var analyzer = new Lazy<ArticleAnalyzer>(fallback);
        _fallback = () => analyzer.Value;
        _entityIds = entityIds ?? new Dictionary<(string, EntityType, string), string>();
    }

    /// <summary>The lookup the constructor takes, from the store's occurrences.</summary>
    public static Dictionary<(string ArticleId, EntityType Type, string Name), string> EntityIdLookup(IEnumerable<EntityOccurrence> occurrences)
        => occurrences.GroupBy(o => (o.ArticleId, o.Type, o.LocalName)).ToDictionary(g => g.Key, g => g.First().EntityId);

    /// <param name="workerCpu">A shared run's worker: its process's CPU time over the run, to put the serial part against.</param>
    public static IngestDoc Ingest(IngestReport report, TimeSpan? workerCpu = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new IngestDoc(
            report.Ingested,
            report.Duplicates,
            report.NearDuplicates,
            report.StoriesOpened,
            report.Rejected.Select(p => new ProblemDoc(p.Input, p.Reason)).ToList(),
            report.Warnings.Select(p => new ProblemDoc(p.Input, p.Reason)).ToList())
        {
            StoriesMerged = report.StoriesMerged,
            Serial = workerCpu is { } cpu ? Serial(report, cpu) : null,
        };
    }

    private static SerialPartDoc Serial(IngestReport report, TimeSpan workerCpu)
        => new(
            Math.Round(report.SerialCpuTime.TotalSeconds, 3),
            Math.Round(report.SerialTime.TotalSeconds, 3),
            Math.Round(workerCpu.TotalSeconds, 3),
            workerCpu > TimeSpan.Zero ? Math.Round(report.SerialCpuTime / workerCpu, 4) : 0,
            SerialPartsPerArticle(report));

    /// <summary>Each part of the serial part (<see cref="SerialPart"/>, camel-case names), in milliseconds per stored article.</summary>
    public static IReadOnlyDictionary<string, double> SerialPartsPerArticle(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var parts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in Enum.GetValues<SerialPart>())
        {
            parts[System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(part.ToString())] = Math.Round(report.SerialParts[part].TotalMilliseconds / Math.Max(1, report.Ingested), 3);
        }

        return parts;
    }

    public static ArticleRefDoc Ref(StoredArticle a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new ArticleRefDoc(a.Id, a.Ref, a.Source, a.Date?.ToString(), a.Lang, a.DuplicateOf, a.StoryId)
        {
            SummaryOnly = a.SummaryOnly,
            Outlet = Outlets.OutletNames.Label(a.Source, a.Url),
            Title = a.Title,
            Url = a.Url,
        };
    }

    public AnalyzedArticle Analyze(StoredArticle a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var raw = new RawArticle { Ref = a.Ref, Text = a.Text, Title = a.Title, Date = a.Date, Source = a.Source, Lang = a.Lang, Url = a.Url, ExternalId = a.ExternalId };
        if (_layers.TryGetValue(a.Id, out var stored) && stored.Version == ArticleAnalyzer.Version && AnalysisCodec.Decode(stored.Layers, raw) is { } layers)
        {
            return layers;
        }

        return _fallback().Analyze(raw);
    }

    /// <summary>
    /// The analyses the story's comparison reads: an article dated only by month has its day words ("dinsdag",
    /// "gisteren", "vorige week") resolved again against the earliest day-dated article of the story within that
    /// month, which dates the happening; the article's own document keeps its month-level values.
    /// </summary>
    internal List<AnalyzedArticle> PinnedByStory(IReadOnlyList<StoredArticle> articles, IReadOnlyList<AnalyzedArticle> analyzed)
    {
        var result = analyzed.ToList();
        for (var i = 0; i < articles.Count; i++)
        {
            if (articles[i].Date is not { } coarse || coarse.Start == coarse.End)
            {
                continue;
            }

            var anchor = articles.Where(a => a.Date is { } d && d.Start == d.End && d.Start >= coarse.Start && d.Start <= coarse.End)
                .OrderBy(a => a.Date!.Value.Start).ThenBy(a => a.Sequence).FirstOrDefault();
            if (anchor is null)
            {
                continue;
            }

            // Only the time expressions are resolved again, over the stored tokens, against the anchor's day.
            var pinned = _times.Extract(articles[i].Text, analyzed[i].Tokens, anchor.Date, analyzed[i].Lang);
            var byPosition = pinned.GroupBy(t => (t.Start, t.End)).ToDictionary(g => g.Key, g => g.First());
            var times = analyzed[i].Times.Select(t =>
                t.Kind is TimeKind.Weekday or TimeKind.Offset or TimeKind.Week && t.Days is { Days: > 1 } range
                && byPosition.TryGetValue((t.Start, t.End), out var p) && p.Days is { } pr && pr.Days < range.Days
                    ? p with { PinnedBy = anchor.Id }
                    : t).ToList();
            result[i] = analyzed[i] with { Times = times };
        }

        return result;
    }

    public ArticleDoc Article(StoredArticle a)
    {
        var analyzed = Analyze(a);
        var text = a.Text;
        return new ArticleDoc(
            a.Id, a.Ref, a.Source, a.Date?.ToString(), a.Lang, a.DuplicateOf, a.StoryId, a.Title, a.Url, text,
            analyzed.Sentences.Select(s => new SpanDoc(s.Start, s.End)).ToList(),
            analyzed.Tokens.Select((t, i) => new TokenDoc(t.Start, t.End, KindName(t.Kind), analyzed.Stems[i])).ToList(),
            analyzed.Names.Select(n => new NameDoc(text[n.Start..n.End], n.Start, n.End, n.Key)).ToList(),
            analyzed.Entities.Select(e => new EntityMentionDoc(text[e.Start..e.End], e.Type.Code(), e.Start, e.End, EntityIdOf(a.Id, analyzed, e), MentionNames.Of(e.Kind), analyzed.CanonicalOf(e))).ToList(),
            analyzed.Times.Select(t => new TimeDoc(text[t.Start..t.End], t.Start, t.End, t.Value, t.Kind.Name(), t.Mod)).ToList(),
            analyzed.Quantities.Select(q => new QuantityDoc(text[q.Start..q.End], q.Start, q.End, q.Value, q.Unit, q.Min, q.Max, q.Approximate, q.Qualifier.Name()) { Lower = q.Lower, Upper = q.Upper }).ToList(),
            analyzed.Quotes.Select(q => new QuoteDoc(text[q.Start..q.End], q.Start, q.End, q.Speaker is null || q.Anonymous ? null : SpeakerId(a.Id, q.Speaker), q.Speaker, q.Cue)).ToList(),
            a.Assignment is { } asg ? Assignment(asg) : null) { SummaryOnly = a.SummaryOnly };
    }

    /// <param name="keyEntities">The story's most widespread entities, when the caller looked them up.</param>
    public static StoryListItemDoc ListItem(StoredStory story, IReadOnlyList<EntityRefDoc>? keyEntities = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new StoryListItemDoc(
            story.Profile.Id,
            story.Profile.Title,
            FirstDate(story),
            LastDate(story),
            IndependentSources(story.Articles),
            story.Articles.Select(Ref).ToList(),
            story.Articles.Select(a => Outlets.OutletNames.Label(a.Source, a.Url)).Distinct(StringComparer.Ordinal).ToList(),
            story.Articles.Select(a => a.Lang).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            keyEntities ?? [])
        {
            UnknownOutlets = UnknownOutletArticles(story.Articles),
        };
    }

    /// <param name="cancellationToken">Stops the comparison of a large story when the request that asked for it is gone.</param>
    public (StoryDoc Doc, StoryComparison Comparison, IReadOnlyList<AnalyzedArticle> Analyzed) Story(StoredStory story, bool why, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        var analyzed = story.Articles.Select(Analyze).ToList();
        var comparison = _comparer.Compare(Compared(story.Articles, PinnedByStory(story.Articles, analyzed)), cancellationToken);
        var textOf = story.Articles.ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);
        SentenceRefDoc SentenceDoc(SentenceRef s) => new(s.ArticleId, s.Start, s.End, textOf[s.ArticleId][s.Start..s.End]);
        ConflictValueDoc ValueDoc(ConflictValue v) => new(v.ArticleId, SentenceDoc(v.Sentence).Text, v.Value, v.Mention, v.Start, v.End, new SpanDoc(v.Sentence.Start, v.Sentence.End));
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var names = story.Articles.Zip(analyzed)
            .SelectMany(p => p.Second.Names.Select(n => (Article: p.First.Id, n.Key, Surface: p.First.Text[n.Start..n.End])))
            .GroupBy(n => n.Key, StringComparer.Ordinal)
            .Select(g => new StoryNameDoc(
                g.Key,
                g.GroupBy(n => n.Surface, StringComparer.Ordinal).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                g.GroupBy(n => n.Article, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Count(), StringComparer.Ordinal)))
            .OrderByDescending(n => n.Articles.Count)
            .ThenByDescending(n => n.Articles.Values.Sum())
            .ThenBy(n => n.Key, StringComparer.Ordinal)
            .ToList();

        var doc = new StoryDoc(
            story.Profile.Id,
            story.Profile.Title,
            FirstDate(story),
            LastDate(story),
            IndependentSources(story.Articles),
            story.Articles.Select(Ref).ToList(),
            StoryEntities(story, analyzed),
            names,
            comparison.Claims.Select(c => new ClaimDoc(c.Text, c.Articles, c.Sources, c.Shared, c.Sentences.Select(SentenceDoc).ToList()) { Disputed = c.Disputed }).ToList(),
            comparison.Conflicts.Select(c => new ConflictDoc(
                c.What,
                c.Kind,
                c.Values.Select((v, i) => ValueDoc(v) with { Side = c.SideOf(i) }).ToList())).ToList(),
            comparison.Timeline.Select(e => new TimelineDoc(
                e.Value,
                SentenceDoc(e.Mentions[0].Sentence).Text,
                e.Articles,
                Iso(e.Start),
                Iso(e.End),
                e.Background,
                e.ResolvedByTense,
                e.Sources,
                e.Mentions.Select(m => new TimelineMentionDoc(m.ArticleId, m.Text, m.Start, m.End, SentenceDoc(m.Sentence))).ToList())
            {
                PinnedBy = e.PinnedBy,
            }).ToList(),
            comparison.Summary.Select(s => SentenceDoc(s).Text).ToList(),
            comparison.Summary.Select(SentenceDoc).ToList(),
            Quotes(story, analyzed),
            comparison.Lang,
            why ? Why(story) : null)
        {
            UnknownOutlets = UnknownOutletArticles(story.Articles),
            Figures = FiguresLedger(story.Articles, analyzed, comparison.Projected),
            Updates = comparison.Updates.Select(u => new FigureUpdateDoc(
                u.What,
                u.Kind switch { UpdateKind.Correction => "correction", UpdateKind.Revision => "revision", _ => "update" },
                u.Values.Select(ValueDoc).ToList())).ToList(),
        };
        return (doc, comparison, analyzed);
    }

    /// <summary>
    /// Each source's figures and dates, grouped by what they are: a measure by its unit, a count by its counted noun
    /// (first five letters, so "zetel" meets "zetels" and "doden" "dodental"; the line is named by the form its sources
    /// write most), dates and clock times on lines of their own. Lines that more than one source fills come first; within
    /// a line, sources keep the story's order.
    /// </summary>
    internal static List<FigureRowDoc> FiguresLedger(IReadOnlyList<StoredArticle> articles, IReadOnlyList<AnalyzedArticle> analyzed, IReadOnlySet<(string ArticleId, int Start)> projected)
    {
        var rows = new Dictionary<(string Kind, string What), List<FigureValueDoc>>();
        var forms = new Dictionary<(string Kind, string What), Dictionary<string, int>>();
        void Add(string kind, string what, FigureValueDoc value, string? form = null)
        {
            if (!rows.TryGetValue((kind, what), out var list))
            {
                rows[(kind, what)] = list = [];
            }

            if (!list.Any(v => v.Article == value.Article && v.Value == value.Value))
            {
                list.Add(value);
                if (form is not null)
                {
                    var counts = forms.TryGetValue((kind, what), out var c) ? c : forms[(kind, what)] = new Dictionary<string, int>(StringComparer.Ordinal);
                    counts[form] = counts.GetValueOrDefault(form) + 1;
                }
            }
        }

        // A line of counted nouns is named by the form written most ("zetels", not "zetel…"); ties by the shorter form.
        string Name((string Kind, string What) key)
            => forms.TryGetValue(key, out var counts)
                ? counts.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Length).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key
                : key.What;

        for (var i = 0; i < articles.Count; i++)
        {
            var text = articles[i].Text;
            foreach (var q in analyzed[i].Quantities)
            {
                var value = (q.Min is { } min && q.Max is { } max ? $"{min.ToString("0.###", CultureInfo.InvariantCulture)}–{max.ToString("0.###", CultureInfo.InvariantCulture)}" : q.Value.ToString("0.###", CultureInfo.InvariantCulture))
                    + (q.Qualifier.Name() is { } qualifier ? $" ({qualifier})" : string.Empty);
                var noun = q.Unit is { Length: >= 5 } u && u.All(char.IsLower);
                var what = q.Unit is null ? "count" : noun ? q.Unit[..5] + "…" : q.Unit;
                Add("figure", what, new FigureValueDoc(articles[i].Id, value, text[q.Start..q.End], q.Start, q.End) { Projected = projected.Contains((articles[i].Id, q.Start)) }, noun ? q.Unit : null);
            }

            foreach (var t in analyzed[i].Times)
            {
                if (t.Value is { } v && t.Kind is not TimeKind.Event and not TimeKind.Set and not TimeKind.Duration)
                {
                    Add(t.Kind.IsClock() ? "time" : "date", t.Kind.IsClock() ? "clock time" : "date", new FigureValueDoc(articles[i].Id, v, text[t.Start..t.End], t.Start, t.End));
                }
            }
        }

        return [.. rows
            .OrderByDescending(r => r.Value.Select(v => v.Article).Distinct(StringComparer.Ordinal).Count() > 1)
            .ThenBy(r => r.Key.Kind == "figure" ? 0 : 1)
            .ThenBy(r => r.Key.What, StringComparer.Ordinal)
            .Select(r => new FigureRowDoc(Name(r.Key), r.Key.Kind, r.Value))];
    }

    /// <summary>The comparer's view of a story's articles: entity ids resolved, near-copies counted as their original's outlet.</summary>
    /// <summary>The story's comparison by another comparer (for measuring one setting against another on stored stories).</summary>
    public StoryComparison Compare(StoredStory story, StoryComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(comparer);
        var analyzed = story.Articles.Select(Analyze).ToList();
        return comparer.Compare(Compared(story.Articles, PinnedByStory(story.Articles, analyzed)));
    }

    private List<ComparedArticle> Compared(IReadOnlyList<StoredArticle> articles, IReadOnlyList<AnalyzedArticle> analyzed)
    {
        var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        string SourceGroup(StoredArticle a)
        {
            var original = a.DuplicateOf is { } d && byId.TryGetValue(d, out var o) ? o : a;
            return SourceKey(original) ?? "#" + (a.DuplicateOf ?? a.Id);
        }

        return articles.Zip(analyzed)
            .Select(p => new ComparedArticle(p.First.Id, SourceGroup(p.First), p.First.Source, p.First.Date, p.Second, p.Second.Entities.Select(e => EntityIdOf(p.First.Id, p.Second, e)).ToList()))
            .ToList();
    }

    /// <summary>The story's quotes grouped by speaker, speakers with most quotes first.</summary>
    private List<SpeakerQuotesDoc> Quotes(StoredStory story, List<AnalyzedArticle> analyzed)
        => story.Articles.Zip(analyzed)
            .SelectMany(p => p.Second.Quotes.Select(q => (Article: p.First, Quote: q)))
            // A named speaker is one entity across articles; "een omwonende" of one article is not that of another.
            .GroupBy(q => q.Quote.Speaker is not { } speaker ? (Id: null, Anonymous: null)
                : q.Quote.Anonymous ? (Id: (string?)null, Anonymous: q.Article.Id + "\u0001" + speaker)
                : (Id: SpeakerId(q.Article.Id, speaker), Anonymous: (string?)null))
            .Select(g => new SpeakerQuotesDoc(
                g.Key.Id,
                g.Select(q => q.Quote.Speaker).FirstOrDefault(n => n is not null),
                g.Select(q => new StoryQuoteDoc(q.Article.Id, q.Article.Text[q.Quote.Start..q.Quote.End], q.Quote.Start, q.Quote.End)).ToList()))
            .OrderBy(s => s.Speaker is null)
            .ThenByDescending(s => s.Quotes.Count)
            .ThenBy(s => s.SpeakerName, StringComparer.Ordinal)
            .ToList();

    private string SpeakerId(string articleId, string speaker)
        => _entityIds.GetValueOrDefault((articleId, EntityType.Person, speaker)) ?? EntityIds.Provisional(EntityType.Person, speaker);

    private string EntityIdOf(string articleId, AnalyzedArticle a, EntityMention e)
    {
        var canonical = a.CanonicalOf(e);
        return _entityIds.GetValueOrDefault((articleId, e.Type, canonical)) ?? EntityIds.Provisional(e.Type, canonical);
    }

    /// <summary>The story's entities by salience: most widely reported first, then most mentioned, with every spelling seen.</summary>
    private List<StoryEntityDoc> StoryEntities(StoredStory story, List<AnalyzedArticle> analyzed)
        => story.Articles.Zip(analyzed)
            .SelectMany(p => p.Second.Entities.Select(e => (Article: p.First.Id, e.Type, Surface: p.First.Text[e.Start..e.End], Id: EntityIdOf(p.First.Id, p.Second, e), Name: p.Second.CanonicalOf(e))))
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .Select(g => new StoryEntityDoc(
                g.Key,
                g.GroupBy(e => e.Name, StringComparer.Ordinal).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                g.First().Type.Code(),
                g.Select(e => e.Surface).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                g.Select(e => e.Article).Distinct(StringComparer.Ordinal).ToList(),
                g.GroupBy(e => e.Article, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Count(), StringComparer.Ordinal)))
            .OrderByDescending(e => e.Articles.Count)
            .ThenByDescending(e => e.Mentions.Values.Sum())
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Independent sources: distinct outlets (named, or the domain of the article's URL), near-copies counted once.
    /// An article whose outlet is unknown counts on its own: nothing says it shares an outlet with another one.
    /// </summary>
    public static int IndependentSources(IReadOnlyList<StoredArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return articles.Where(a => a.DuplicateOf is null).Select(a => SourceKey(a) ?? "#" + a.Id).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>Articles (near-copies aside) whose outlet nothing names: each is counted as a source of its own.</summary>
    public static int UnknownOutletArticles(IReadOnlyList<StoredArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return articles.Count(a => a.DuplicateOf is null && SourceKey(a) is null);
    }

    private static string? SourceKey(StoredArticle a) => Outlets.OutletNames.Key(a.Source, a.Url);

    /// <summary>Why each article of the story is in it: the record of its assignment, as the document's <c>why</c> gives it.</summary>
    public static IReadOnlyList<WhyDoc> Why(StoredStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return [.. story.Articles.Select(a => new WhyDoc(a.Id, a.Assignment is { } asg ? Assignment(asg) : null))];
    }

    public static AssignmentDoc Assignment(Assignment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AssignmentDoc(a.StoryId, a.OpenedStory, a.Score, a.TermSimilarity, a.NameOverlap, a.DateProximity, a.DaysApart, a.SharedTerms, a.SharedNames, a.DuplicateOf)
        {
            MergedStories = a.MergedStories,
            ClosestStory = a.ClosestStory,
            OnlyInArticle = a.OnlyInArticle,
            OnlyInClosest = a.OnlyInClosest,
            AnchorName = a.AnchorName,
            Digest = a.Digest,
            ComparedAgain = a.ComparedAgain switch
            {
                Stories.ComparedAgain.WhenStoryGrew => "when-story-grew",
                Stories.ComparedAgain.AfterBatch => "after-batch",
                _ => null,
            },
            FirstOpened = a.FirstOpened,
        };
    }

    private static string? FirstDate(StoredStory s) => s.Articles.Where(a => a.Date is not null).Select(a => a.Date!.Value).DefaultIfEmpty().Min() is { Year: > 0 } d ? d.ToString() : null;

    private static string? LastDate(StoredStory s) => s.Articles.Where(a => a.Date is not null).Select(a => a.Date!.Value).DefaultIfEmpty().Max() is { Year: > 0 } d ? d.ToString() : null;

    private static string KindName(TokenKind kind) => kind switch
    {
        TokenKind.Word => "word",
        TokenKind.Number => "number",
        TokenKind.Punctuation => "punct",
        _ => "symbol",
    };
}
