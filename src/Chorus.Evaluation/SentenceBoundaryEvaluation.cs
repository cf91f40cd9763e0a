using Chorus.Core.Text;

namespace Chorus.Evaluation;

/// <summary>Precision, recall and F1 of sentence boundaries inside paragraphs.</summary>
public sealed record BoundaryScores(int Paragraphs, int GoldBoundaries, int PredictedBoundaries, int Correct)
{
    public double Precision => PredictedBoundaries == 0 ? 0 : 100.0 * Correct / PredictedBoundaries;

    public double Recall => GoldBoundaries == 0 ? 0 : 100.0 * Correct / GoldBoundaries;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores a splitter against CoNLL-U treebanks: the <c># text</c> sentences of one paragraph (from the
/// <c>sent_id</c>'s <c>.p.N.s.M</c> numbering) are joined with a space and split again. Only boundaries inside
/// a paragraph count, because the paragraph end is given to the splitter for free.
/// </summary>
public static class SentenceBoundaryEvaluation
{
    /// <param name="punctuatedOnly">
    /// Count only gold boundaries after sentence-final punctuation. Treebanks also split list items and titles
    /// that have none; joined with a space, those boundaries cannot be recovered from the text at all.
    /// </param>
    public static BoundaryScores Evaluate(SentenceSplitter splitter, IEnumerable<string> conlluLines, bool punctuatedOnly = false)
    {
        ArgumentNullException.ThrowIfNull(splitter);
        int paragraphs = 0, gold = 0, predicted = 0, correct = 0;
        foreach (var sentences in Paragraphs(conlluLines))
        {
            paragraphs++;
            var text = string.Join(' ', sentences);
            var goldEnds = new HashSet<int>();
            var offset = 0;
            for (var i = 0; i < sentences.Count - 1; i++)
            {
                offset += sentences[i].Length;
                if (!punctuatedOnly || EndsWithTerminal(sentences[i]))
                {
                    goldEnds.Add(offset);
                }

                offset++;
            }

            var predictedEnds = splitter.Split(text).Select(s => s.End).Where(e => e < text.Length).ToList();
            gold += goldEnds.Count;
            predicted += predictedEnds.Count;
            correct += predictedEnds.Count(goldEnds.Contains);
        }

        return new BoundaryScores(paragraphs, gold, predicted, correct);
    }

    private static bool EndsWithTerminal(string sentence)
    {
        var s = sentence.AsSpan().TrimEnd("\"'”’»)] ");
        return s.Length > 0 && s[^1] is '.' or '!' or '?' or '…';
    }

    private static IEnumerable<List<string>> Paragraphs(IEnumerable<string> lines)
    {
        string? paragraph = null;
        string? sentId = null;
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
            {
                sentId = line["# sent_id = ".Length..].Trim();
            }
            else if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                var id = sentId ?? string.Empty;
                var cut = id.LastIndexOf(".s.", StringComparison.Ordinal);
                var key = cut < 0 ? id : id[..cut];
                if (cut < 0 || key != paragraph)
                {
                    if (current.Count > 0)
                    {
                        yield return current;
                    }

                    current = [];
                    paragraph = key;
                }

                current.Add(line["# text = ".Length..].Trim());
                sentId = null;
            }
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }
}
