namespace Chorus.Evaluation;

/// <summary>The data rows of a tab-separated labels file: its fields and line number; empty lines and '#' comments skipped.</summary>
internal static class TabRows
{
    public static IEnumerable<(int Line, string[] Fields)> Of(IEnumerable<string> lines)
    {
        var n = 0;
        foreach (var line in lines)
        {
            n++;
            if (line.Length > 0 && line[0] != '#')
            {
                yield return (n, line.Split('\t'));
            }
        }
    }
}
