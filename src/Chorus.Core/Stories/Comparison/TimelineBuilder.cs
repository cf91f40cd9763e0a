using Chorus.Core.Extraction.Times;
using Chorus.Core.Time;

namespace Chorus.Core.Stories.Comparison;

/// <summary>Where one article dates a happening: the time expression and its sentence.</summary>
public sealed record TimelineMention(string ArticleId, string Text, int Start, int End, SentenceRef Sentence);

/// <summary>
/// A dated happening on a story's timeline, merged across the sources that date it the same way.
/// <see cref="Background"/> marks what happened well before the story's first article (an earlier summit, last
/// July's visit); <see cref="ResolvedByTense"/> marks a bare weekday placed in the past or future week by the
/// sentence's tense.
/// </summary>
public sealed record TimelineEntry(
    string Value,
    DateOnly Start,
    DateOnly End,
    bool Background,
    bool ResolvedByTense,
    IReadOnlyList<string> Articles,
    int Sources,
    IReadOnlyList<TimelineMention> Mentions)
{
    /// <summary>The day-dated articles that pinned this value for month-dated ones.</summary>
    public IReadOnlyList<string> PinnedBy { get; init; } = [];
}

/// <summary>
/// Builds a story's timeline from the articles' resolved time expressions. Values that say more about the
/// anchor's uncertainty than about the happening (a weekday or "next week" in an article dated only by month)
/// are left out rather than shown as a vague month-long span.
/// </summary>
internal static class TimelineBuilder
{
    /// <summary>Happenings that ended this long before the first article are background.</summary>
    private const int BackgroundDays = 7;

    public static List<TimelineEntry> Build(IReadOnlyList<StorySentence> sentences)
    {
        var storyStart = sentences.Select(s => s.Article.Date).Where(d => d is not null).Select(d => d!.Value.Start).DefaultIfEmpty(DateOnly.MaxValue).Min();
        var items = new List<(string Value, TimexRange Range, bool ByTense, StorySentence Sentence, TimeMention Time)>();
        foreach (var sentence in sentences)
        {
            foreach (var time in sentence.Times)
            {
                if (time.Value is null || time.Days is not { } range)
                {
                    continue;
                }

                // A bare weekday in a day-dated article is pinned by the analyser from its sentence's tense; in a coarser
                // article it spans every such day of the period, which is no point on a timeline.
                var byTense = time.Kind == TimeKind.Weekday && range.Days == 1;
                if (time.Kind is TimeKind.Weekday or TimeKind.Week && range.Days > 7)
                {
                    continue;
                }

                items.Add((time.Value, range, byTense, sentence, time));
            }
        }

        return items
            .GroupBy(i => i.Value, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var mentions = g.Select(i => new TimelineMention(i.Sentence.Article.Id, i.Sentence.Article.Text[i.Time.Start..i.Time.End], i.Time.Start, i.Time.End, i.Sentence.Ref)).ToList();
                return new TimelineEntry(
                    g.Key,
                    first.Range.Start,
                    first.Range.End,
                    storyStart != DateOnly.MaxValue && first.Range.End < storyStart.AddDays(-BackgroundDays),
                    g.All(i => i.ByTense),
                    mentions.Select(m => m.ArticleId).Distinct(StringComparer.Ordinal).ToList(),
                    g.Select(i => i.Sentence.Article.SourceGroup).Distinct(StringComparer.Ordinal).Count(),
                    mentions)
                {
                    PinnedBy = [.. g.Select(i => i.Time.PinnedBy).OfType<string>().Distinct(StringComparer.Ordinal)],
                };
            })
            .OrderBy(e => e.Start)
            .ThenByDescending(e => e.End)
            .ToList();
    }
}
