using System.Globalization;
using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Core.Stories.Comparison;

namespace Chorus.Evaluation;

/// <summary>Precision and recall of one decision, from its counts.</summary>
public readonly record struct PrecisionRecall(int TruePositives, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? (Gold == 0 ? 100 : 0) : 100.0 * TruePositives / Predicted;

    public double Recall => Gold == 0 ? 100 : 100.0 * TruePositives / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PrecisionRecall operator +(PrecisionRecall a, PrecisionRecall b) => new(a.TruePositives + b.TruePositives, a.Predicted + b.Predicted, a.Gold + b.Gold);
}

/// <summary>Scores of the comparer on a labelled fixture, with what went wrong for each story.</summary>
public sealed record ComparisonScores(
    int Stories,
    int Sentences,
    PrecisionRecall Shared,
    PrecisionRecall Unique,
    PrecisionRecall Alignment,
    PrecisionRecall Conflicts,
    IReadOnlyList<string> Mistakes)
{
    /// <summary>Figures that grew between report days, found as updates (planted "! update:" lines).</summary>
    public PrecisionRecall Updates { get; init; }
}

/// <summary>
/// Runs the comparer over labelled stories and scores it: each sentence's shared/unique label, cross-article
/// sentence pairs (same claim or not), and conflicts (kind and values). Near-copies are found with the same
/// MinHash test as ingest, so the fixture checks that copies count as one source.
/// </summary>
public static class ComparisonEvaluation
{
    /// <param name="stories">The labelled stories.</param>
    /// <param name="analyzer">The analyser.</param>
    /// <param name="comparer">The comparer.</param>
    /// <param name="nearDuplicateSimilarity">The MinHash similarity at which an article counts as a copy of an earlier one.</param>
    /// <param name="groupOf">
    /// The story Chorus put each article in, by <see cref="ArticleKey"/>; null takes each labelled story as one story.
    /// Otherwise each of Chorus's stories is compared as a reader would see it: a labelled story split over two is
    /// compared part by part (a conflict or a shared claim across the parts is not found), and one merged with another
    /// labelled story's articles is compared with them (what they add is scored with the story of its first article: a
    /// conflict against another story's figure is a false alarm, a claim shared with it a false shared claim).
    /// </param>
    public static ComparisonScores Evaluate(IReadOnlyList<FixtureStory> stories, ArticleAnalyzer analyzer, StoryComparer comparer, double nearDuplicateSimilarity = 0.8, IReadOnlyDictionary<string, string>? groupOf = null)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(comparer);
        PrecisionRecall shared = default, unique = default, alignment = default, conflicts = default, updates = default;
        var sentences = 0;
        var mistakes = new List<string>();
        var analyzedOf = stories.ToDictionary(
            story => story,
            story => story.Articles.Select(a => analyzer.Analyze(new RawArticle { Ref = a.Id, Text = a.Text, Date = a.Date, Source = a.Outlet, Lang = a.Lang })).ToList());
        var grouped = groupOf is null ? null : GroupedComparisons(stories, analyzedOf, comparer, groupOf, nearDuplicateSimilarity);
        foreach (var story in stories)
        {
            var analyzed = analyzedOf[story];
            var comparison = grouped?[story] ?? comparer.Compare(Compared(story, analyzed, nearDuplicateSimilarity));

            // Gold: a label is shared when articles of two outlets carry it; a declared copy counts as its original's outlet.
            var outletOf = story.Articles.ToDictionary(a => a.Id, a => a.CopyOf is { } c ? story.Articles.First(o => o.Id == c).Outlet : a.Outlet, StringComparer.Ordinal);
            var labelOutlets = story.Articles.SelectMany(a => a.Sentences.Select(s => (s.Label, Outlet: outletOf[a.Id])))
                .GroupBy(x => x.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Outlet).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);

            var lines = new List<(FixtureArticle Article, FixtureSentence Gold, Claim? Predicted)>();
            foreach (var (article, result) in story.Articles.Zip(analyzed))
            {
                foreach (var gold in article.Sentences)
                {
                    var first = result.Sentences.FirstOrDefault(s => s.Start >= gold.Start && s.Start < gold.End);
                    var claim = comparison.ClaimOf.GetValueOrDefault((article.Id, first.Start));
                    lines.Add((article, gold, claim));
                    var goldShared = labelOutlets[gold.Label] > 1;
                    var predictedShared = claim is { Shared: true };
                    // Shared right only with another article of its own story: in a story Chorus merged with another
                    // one's articles, a sentence shared with one of those alone is a claim shared with the wrong report.
                    var self = grouped is null ? article.Id : ArticleKey(story.Id, article.Id);
                    var sharedWithOwn = predictedShared && claim!.Articles.Any(id => id != self && (grouped is null || id.StartsWith(story.Id + "/", StringComparison.Ordinal)));
                    shared += new PrecisionRecall(goldShared && sharedWithOwn ? 1 : 0, predictedShared ? 1 : 0, goldShared ? 1 : 0);
                    unique += new PrecisionRecall(!goldShared && !predictedShared ? 1 : 0, predictedShared ? 0 : 1, goldShared ? 0 : 1);
                    if (goldShared != sharedWithOwn)
                    {
                        var what = !goldShared ? "unique, predicted shared" : predictedShared ? "shared, predicted shared with another story only" : "shared, predicted unique";
                        mistakes.Add($"{story.Id}/{article.Id} [{gold.Label}] {what}: {Short(article.Text[gold.Start..gold.End])}");
                    }
                }
            }

            sentences += lines.Count;
            for (var i = 0; i < lines.Count; i++)
            {
                for (var j = i + 1; j < lines.Count; j++)
                {
                    if (lines[i].Article.Id == lines[j].Article.Id)
                    {
                        continue;
                    }

                    var goldSame = lines[i].Gold.Label == lines[j].Gold.Label;
                    var predictedSame = lines[i].Predicted is { } p && ReferenceEquals(p, lines[j].Predicted);
                    alignment += new PrecisionRecall(goldSame && predictedSame ? 1 : 0, predictedSame ? 1 : 0, goldSame ? 1 : 0);
                }
            }

            var plantedConflicts = story.Conflicts.Where(c => c.Kind != "update").ToList();
            var plantedUpdates = story.Conflicts.Where(c => c.Kind == "update").ToList();
            var matchedUpdates = 0;
            foreach (var update in comparison.Updates)
            {
                var values = update.Values.Select(v => Normalise("number", v)).ToHashSet(StringComparer.Ordinal);
                if (plantedUpdates.FirstOrDefault(g => g.Values.ToHashSet(StringComparer.Ordinal).SetEquals(values)) is not null)
                {
                    matchedUpdates++;
                }
                else
                {
                    mistakes.Add($"{story.Id}: false update ({update.What}) {string.Join(" → ", update.Values.Select(v => $"{v.ArticleId}: {v.Mention}"))}");
                }
            }

            if (matchedUpdates < plantedUpdates.Count)
            {
                mistakes.Add($"{story.Id}: missed update(s) {string.Join("; ", plantedUpdates.Select(u => string.Join(" | ", u.Values)))}");
            }

            updates += new PrecisionRecall(matchedUpdates, comparison.Updates.Count, plantedUpdates.Count);
            var matched = new HashSet<FixtureConflict>();
            foreach (var conflict in comparison.Conflicts)
            {
                var match = plantedConflicts.FirstOrDefault(g => !matched.Contains(g) && Matches(g, conflict));
                if (match is null)
                {
                    mistakes.Add($"{story.Id}: false conflict ({conflict.What}) {string.Join(" | ", conflict.Values.Select(v => $"{v.ArticleId}: {v.Mention}"))}");
                }
                else
                {
                    matched.Add(match);
                }
            }

            foreach (var missed in plantedConflicts.Where(g => !matched.Contains(g)))
            {
                mistakes.Add($"{story.Id}: missed conflict ({missed.Kind}) {string.Join(" | ", missed.Values)}");
            }

            conflicts += new PrecisionRecall(matched.Count, comparison.Conflicts.Count, plantedConflicts.Count);
        }

        return new ComparisonScores(stories.Count, sentences, shared, unique, alignment, conflicts, mistakes) { Updates = updates };
    }

    /// <summary>The key of a labelled article in <c>groupOf</c>: its story and its id, since ids repeat across stories.</summary>
    public static string ArticleKey(string storyId, string articleId) => storyId + "/" + articleId;

    /// <summary>
    /// The comparison a reader gets of each labelled story when Chorus grouped the articles: each of Chorus's stories is
    /// compared whole (its articles known by <see cref="ArticleKey"/>, since ids repeat across labelled stories), and
    /// each labelled story gets what those comparisons say of its own articles, under their own ids: their claims, and
    /// the conflicts and updates whose first figure is in one of them.
    /// </summary>
    private static Dictionary<FixtureStory, StoryComparison> GroupedComparisons(IReadOnlyList<FixtureStory> stories, Dictionary<FixtureStory, List<AnalyzedArticle>> analyzedOf, StoryComparer comparer, IReadOnlyDictionary<string, string> groupOf, double nearDuplicateSimilarity)
    {
        var members = new Dictionary<string, List<ComparedArticle>>(StringComparer.Ordinal);
        var owner = new Dictionary<string, (FixtureStory Story, string ArticleId)>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            var keys = story.Articles.Select(a => (ArticleKey(story.Id, a.Id), a.Outlet)).ToList();
            var compared = Compared(keys, analyzedOf[story], nearDuplicateSimilarity);
            for (var i = 0; i < compared.Count; i++)
            {
                var key = keys[i].Item1;
                owner[key] = (story, story.Articles[i].Id);
                var group = groupOf.GetValueOrDefault(key) ?? "alone:" + key;
                if (!members.TryGetValue(group, out var list))
                {
                    members[group] = list = [];
                }

                list.Add(compared[i]);
            }
        }

        var claimOf = stories.ToDictionary(s => s, _ => new Dictionary<(string ArticleId, int Start), Claim>());
        var conflicts = stories.ToDictionary(s => s, _ => new List<Conflict>());
        var updates = stories.ToDictionary(s => s, _ => new List<FigureUpdate>());
        foreach (var list in members.Values)
        {
            var comparison = comparer.Compare(list);
            foreach (var ((key, start), claim) in comparison.ClaimOf)
            {
                var (story, articleId) = owner[key];
                claimOf[story][(articleId, start)] = claim;
            }

            foreach (var conflict in comparison.Conflicts)
            {
                conflicts[owner[conflict.Values[0].ArticleId].Story].Add(conflict);
            }

            foreach (var update in comparison.Updates)
            {
                updates[owner[update.Values[0].ArticleId].Story].Add(update);
            }
        }

        return stories.ToDictionary(
            s => s,
            s => new StoryComparison([.. claimOf[s].Values.Distinct()], conflicts[s], [], [], s.Articles.FirstOrDefault()?.Lang ?? "nl") { ClaimOf = claimOf[s], Updates = updates[s] });
    }

    /// <summary>The fixture story as the comparer sees it, with near-copies found by MinHash against earlier articles.</summary>
    private static List<ComparedArticle> Compared(FixtureStory story, List<AnalyzedArticle> analyzed, double nearDuplicateSimilarity)
        => Compared(story.Articles.Select(a => (a.Id, a.Outlet)).ToList(), analyzed, nearDuplicateSimilarity);

    /// <summary>
    /// The articles of one story as the comparer takes them: an article counts as its outlet, and a near-copy of an
    /// earlier article (the ingest's MinHash test) as that article's outlet, so that copies make one source.
    /// </summary>
    public static List<ComparedArticle> Compared(IReadOnlyList<(string Id, string Outlet)> articles, IReadOnlyList<AnalyzedArticle> analyzed, double nearDuplicateSimilarity = 0.8)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(analyzed);
        var signatures = analyzed.Select(MinHasher.Signature).ToList();
        var groups = new List<string>();
        for (var i = 0; i < articles.Count; i++)
        {
            var group = NameKey.Fold(articles[i].Outlet);
            for (var j = 0; j < i; j++)
            {
                if (signatures[i] is { } si && signatures[j] is { } sj && MinHasher.Similarity(si, sj) >= nearDuplicateSimilarity)
                {
                    group = groups[j];
                    break;
                }
            }

            groups.Add(group);
        }

        return articles.Select((a, i) => ComparedArticle.WithProvisionalIds(a.Id, groups[i], a.Outlet, analyzed[i])).ToList();
    }

    /// <summary>A found conflict matches a planted one of its kind when it gives exactly the planted values.</summary>
    private static bool Matches(FixtureConflict gold, Conflict found)
    {
        var kindMatches = gold.Kind == found.Kind || (gold.Kind == "date" && found.Kind == "weekday");
        if (!kindMatches)
        {
            return false;
        }

        var foundValues = found.Values.Select(v => Normalise(found.Kind, v)).ToHashSet(StringComparer.Ordinal);
        var goldValues = gold.Values.Select(v => v.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (found.Kind == "time")
        {
            // A clock time written without its half of the day ("om half vier", "at a quarter to five") reads on the
            // morning's twelve hours; the planted label gives the afternoon's: one reading, twelve hours apart.
            static string Twelve(string clock) => clock.Length == 5 && int.TryParse(clock[..2], out var h) ? $"{h % 12:00}{clock[2..]}" : clock;
            foundValues = foundValues.Select(Twelve).ToHashSet(StringComparer.Ordinal);
            goldValues = goldValues.Select(Twelve).ToHashSet(StringComparer.Ordinal);
        }

        // Three sources, two of which agree in other words ("Donnerstag", "Thursday" against "woensdag"): the planted words
        // are among the mentions and the conflict holds as many distinct values as planted.
        // A weekday with its part of the day ("maandagmiddag", "Tuesday afternoon") is the day its label names.
        var mentions = found.Values.Select(v => v.Mention.ToLowerInvariant())
            .Select(m => found.Kind == "weekday" && goldValues.FirstOrDefault(g => m.StartsWith(g, StringComparison.Ordinal)) is { } day ? day : m)
            .ToHashSet(StringComparer.Ordinal);
        return goldValues.SetEquals(foundValues) || goldValues.SetEquals(mentions)
            || (goldValues.IsSubsetOf(mentions) && foundValues.Count == goldValues.Count);
    }

    private static string Normalise(string kind, ConflictValue value)
    {
        if (kind == "number")
        {
            // "~400000 EUR", ">30000", "18000000–30000000 EUR": the (first) number, without its side.
            var number = value.Value.Split(' ')[0].TrimStart('>', '<', '≥', '≤', '~').Split('–')[0];
            return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n.ToString("0.###", CultureInfo.InvariantCulture) : number;
        }

        // A day with its part ("2024-08-21TEV", "Wednesday evening") is that day: planted day conflicts name days.
        return kind == "place" ? value.Mention.ToLowerInvariant()
            : kind is "date" or "weekday" && value.Value.IndexOf('T', StringComparison.Ordinal) is 10 ? value.Value[..10].ToLowerInvariant()
            : value.Value.ToLowerInvariant();
    }

    private static string Short(string s) => s.Length <= 90 ? s : s[..89] + "…";
}
