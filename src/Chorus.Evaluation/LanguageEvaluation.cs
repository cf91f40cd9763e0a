using Chorus.Core.Text;

namespace Chorus.Evaluation;

/// <summary>Accuracy of language identification on labelled texts, with the confusion matrix and the misses.</summary>
public sealed record LanguageScores(int Total, int Correct, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion, IReadOnlyList<string> Misses)
{
    public double Accuracy => Total == 0 ? 0 : 100.0 * Correct / Total;
}

/// <summary>Scores a language identifier on <c>language&lt;TAB&gt;text</c> lines.</summary>
public static class LanguageEvaluation
{
    public static LanguageScores Evaluate(ILanguageIdentifier identifier, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(lines);
        var confusion = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var misses = new List<string>();
        int total = 0, correct = 0;
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (gold, text) = (line[..tab], line[(tab + 1)..]);
            var guess = identifier.IdentifyMajority(text);
            total++;
            if (guess.Lang == gold)
            {
                correct++;
            }
            else
            {
                misses.Add($"{gold} → {guess.Lang} ({guess.Confidence:0.00}): {text}");
            }

            if (!confusion.TryGetValue(gold, out var row))
            {
                confusion[gold] = row = new SortedDictionary<string, int>(StringComparer.Ordinal);
            }

            row[guess.Lang] = row.GetValueOrDefault(guess.Lang) + 1;
        }

        return new LanguageScores(total, correct, confusion.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value, StringComparer.Ordinal), misses);
    }
}
