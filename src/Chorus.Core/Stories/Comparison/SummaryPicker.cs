namespace Chorus.Core.Stories.Comparison;

/// <summary>
/// Chooses three to five summary sentences in the story's main language: the most widely reported claims
/// first, one sentence per claim, no sentence that repeats most of the terms of one already chosen, and no
/// headings or fragments. The fourth and fifth are added only when they carry a claim from several sources.
/// </summary>
internal static class SummaryPicker
{
    private const int Min = 3;
    private const int Max = 5;
    private const int MinLength = 40;
    private const int MaxLength = 320;

    public static List<StorySentence> Pick(IReadOnlyList<StorySentence> sentences, int[] claimRoot, IReadOnlyDictionary<int, int> claimSources, string lang)
    {
        var candidates = sentences
            .Where(s => s.Article.Lang == lang && !s.IsFragment && s.Span.Length is >= MinLength and <= MaxLength)
            .Select(s => (Sentence: s, Sources: claimSources[claimRoot[s.Index]]))
            .OrderByDescending(c => c.Sources)
            .ThenBy(c => c.Sentence.Position)
            .ThenBy(c => c.Sentence.ArticleIndex)
            .ToList();

        var chosen = new List<StorySentence>();
        var claimsTaken = new HashSet<int>();
        foreach (var (sentence, sources) in candidates)
        {
            if (chosen.Count >= Max || (chosen.Count >= Min && sources < 2))
            {
                break;
            }

            if (!claimsTaken.Add(claimRoot[sentence.Index]) || chosen.Any(c => Redundant(c, sentence)))
            {
                continue;
            }

            chosen.Add(sentence);
        }

        return chosen.Count > 0 ? chosen : sentences.Take(1).ToList();
    }

    private static bool Redundant(StorySentence a, StorySentence b)
    {
        var shared = a.Terms.Intersect(b.Terms).Count();
        return shared > 0.6 * Math.Min(a.Terms.Length, b.Terms.Length);
    }
}
