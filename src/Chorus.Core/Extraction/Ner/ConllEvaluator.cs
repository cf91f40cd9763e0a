namespace Chorus.Core.Extraction.Ner;

/// <summary>Precision, recall and F1 in percent, with the counts behind them.</summary>
public sealed record PrfScore(int Correct, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : 100.0 * Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Entity-level scores, overall (micro-averaged) and per type.</summary>
public sealed record NerScores(PrfScore Overall, IReadOnlyDictionary<string, PrfScore> Types);

/// <summary>
/// Scores predicted tags against gold tags the way conlleval does: a chunk counts as correct only when its
/// span and type match exactly; an I-X that does not continue an X chunk starts a new one; figures are
/// micro-averaged over all chunks.
/// </summary>
public static class ConllEvaluator
{
    public static NerScores Evaluate(IEnumerable<(IReadOnlyList<string> Gold, IReadOnlyList<string> Predicted)> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var counts = new Dictionary<string, (int Correct, int Predicted, int Gold)>(StringComparer.Ordinal);
        foreach (var (gold, predicted) in sentences)
        {
            var goldChunks = Chunks(gold);
            var predictedChunks = Chunks(predicted);
            foreach (var c in goldChunks)
            {
                var v = counts.GetValueOrDefault(c.Type);
                counts[c.Type] = (v.Correct + (predictedChunks.Contains(c) ? 1 : 0), v.Predicted, v.Gold + 1);
            }

            foreach (var c in predictedChunks)
            {
                var v = counts.GetValueOrDefault(c.Type);
                counts[c.Type] = (v.Correct, v.Predicted + 1, v.Gold);
            }
        }

        var types = counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => new PrfScore(kv.Value.Correct, kv.Value.Predicted, kv.Value.Gold), StringComparer.Ordinal);
        var overall = new PrfScore(types.Values.Sum(s => s.Correct), types.Values.Sum(s => s.Predicted), types.Values.Sum(s => s.Gold));
        return new NerScores(overall, types);
    }

    /// <summary>The chunks of a tag sequence as (start, end exclusive, type).</summary>
    public static HashSet<(int Start, int End, string Type)> Chunks(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var chunks = new HashSet<(int, int, string)>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var prefix = tag.Length > 1 && tag[1] == '-' ? tag[0] : 'O';
            var tagType = prefix == 'O' ? null : tag[2..];
            var continues = prefix == 'I' && type is not null && string.Equals(tagType, type, StringComparison.Ordinal);
            if (type is not null && !continues)
            {
                chunks.Add((start, i, type));
                type = null;
            }

            if (prefix != 'O' && !continues)
            {
                start = i;
                type = tagType;
            }
        }

        return chunks;
    }
}
