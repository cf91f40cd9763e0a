using Chorus.Core.Analysis;
using Chorus.Core.Store;
using Chorus.Core.Text;

namespace Chorus.Core.Stories;

/// <summary>One sentence of one article, by offsets.</summary>
public readonly record struct SentenceRef(string ArticleId, int Start, int End);

/// <summary>Sentences from one or more articles that say the same thing.</summary>
public sealed record Claim(string Text, IReadOnlyList<string> Articles, IReadOnlyList<SentenceRef> Sentences, int Sources)
{
    public bool Shared => Sources > 1;
}

/// <summary>The first comparison of a story's sources: claims aligned across articles, and a short summary.</summary>
public sealed record StoryComparison(IReadOnlyList<Claim> Claims, IReadOnlyList<SentenceRef> Summary)
{
    /// <summary>For each article, for each of its sentences (by start offset), the claim it belongs to.</summary>
    public IReadOnlyDictionary<(string ArticleId, int Start), Claim> ClaimOf { get; init; } = new Dictionary<(string, int), Claim>();
}

/// <summary>
/// Aligns the sentences of a story's articles into claims: two sentences from different articles are the same
/// claim when they share enough content stems and names (overlap coefficient, so a short sentence can match a
/// long paraphrase). Near-copies of one wire text count as one source. Immutable and thread-safe.
/// </summary>
public sealed class StoryComparer
{
    private const double MinOverlap = 0.4;
    private const int MinShared = 3;
    private const int SummarySentences = 4;

    public StoryComparison Compare(IReadOnlyList<(StoredArticle Stored, AnalyzedArticle Analyzed)> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var units = new List<Unit>();
        foreach (var (stored, analyzed) in articles)
        {
            var text = analyzed.Raw.Text;
            var tokenIndex = 0;
            for (var s = 0; s < analyzed.Sentences.Count; s++)
            {
                var sentence = analyzed.Sentences[s];
                var terms = new HashSet<string>(StringComparer.Ordinal);
                while (tokenIndex < analyzed.Tokens.Count && analyzed.Tokens[tokenIndex].Start < sentence.End)
                {
                    if (analyzed.Tokens[tokenIndex].Start >= sentence.Start && analyzed.Stems[tokenIndex] is { } stem)
                    {
                        terms.Add(stem);
                    }

                    if (analyzed.Tokens[tokenIndex].Kind == TokenKind.Number)
                    {
                        terms.Add("#" + analyzed.Tokens[tokenIndex].Of(text).ToString());
                    }

                    tokenIndex++;
                }

                units.Add(new Unit(stored.Id, stored.DuplicateOf ?? stored.Id, sentence, s, terms, text));
            }
        }

        var parent = Enumerable.Range(0, units.Count).ToArray();
        for (var i = 0; i < units.Count; i++)
        {
            for (var j = i + 1; j < units.Count; j++)
            {
                if (units[i].ArticleId != units[j].ArticleId && Overlaps(units[i].Terms, units[j].Terms))
                {
                    Union(parent, i, j);
                }
            }
        }

        var claims = new List<(Claim Claim, int FirstPosition)>();
        var claimOf = new Dictionary<(string, int), Claim>();
        foreach (var group in Enumerable.Range(0, units.Count).GroupBy(i => Find(parent, i)))
        {
            var members = group.Select(i => units[i]).ToList();
            var representative = members[0];
            var claim = new Claim(
                representative.Text,
                members.Select(m => m.ArticleId).Distinct(StringComparer.Ordinal).ToList(),
                members.Select(m => new SentenceRef(m.ArticleId, m.Span.Start, m.Span.End)).ToList(),
                members.Select(m => m.SourceGroup).Distinct(StringComparer.Ordinal).Count());
            claims.Add((claim, members.Min(m => m.Position)));
            foreach (var m in members)
            {
                claimOf[(m.ArticleId, m.Span.Start)] = claim;
            }
        }

        var ordered = claims.OrderByDescending(c => c.Claim.Sources).ThenBy(c => c.FirstPosition).Select(c => c.Claim).ToList();
        return new StoryComparison(ordered, Summarise(ordered, units)) { ClaimOf = claimOf };
    }

    // Most widely reported claims first, each once; short headings and fragments are no summary material.
    private static List<SentenceRef> Summarise(List<Claim> claims, List<Unit> units)
    {
        var summary = new List<SentenceRef>();
        foreach (var claim in claims)
        {
            var first = claim.Sentences[0];
            if (first.End - first.Start < 40)
            {
                continue;
            }

            summary.Add(first);
            if (summary.Count == SummarySentences)
            {
                break;
            }
        }

        return summary.Count > 0 ? summary : units.Take(1).Select(u => new SentenceRef(u.ArticleId, u.Span.Start, u.Span.End)).ToList();
    }

    private static bool Overlaps(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var shared = a.Count < b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return shared >= MinShared && (double)shared / Math.Min(a.Count, b.Count) >= MinOverlap;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }

    private sealed record Unit(string ArticleId, string SourceGroup, TextSpan Span, int Position, HashSet<string> Terms, string ArticleText)
    {
        public string Text => Span.Of(ArticleText).ToString();
    }
}
