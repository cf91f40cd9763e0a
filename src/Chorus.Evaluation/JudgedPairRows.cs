using System.Globalization;

namespace Chorus.Evaluation;

/// <summary>
/// Rows of judged pairs of real stored articles (eval/comparison/dpg-*.tsv): "articleA TAB startA TAB articleB TAB
/// startB TAB judgement [TAB note]", '#' starting a comment. Articles by id, offsets only, never the texts.
/// </summary>
internal static class JudgedPairRows
{
    /// <summary>Reads the rows; <paramref name="judge"/> turns a judgement word into a row, or null for a word it does not know.</summary>
    public static (List<T> Rows, List<string> Errors) Parse<T>(string file, IEnumerable<string> lines, string judgements, Func<string, int, string, int, string, T?> judge)
        where T : struct
    {
        var rows = new List<T>();
        var errors = new List<string>();
        var n = 0;
        foreach (var line in lines)
        {
            n++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 5 || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sa) || !int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var sb)
                || judge(f[0], sa, f[2], sb, f[4]) is not { } row)
            {
                errors.Add($"{file}:{n}: expected 'articleA<TAB>startA<TAB>articleB<TAB>startB<TAB>{judgements}'");
                continue;
            }

            rows.Add(row);
        }

        return (rows, errors);
    }
}
