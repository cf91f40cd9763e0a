using System.Text;
using Chorus.Core.Analysis;
using Chorus.Core.Extraction.Ner;
using Chorus.Core.Ingest;

namespace Chorus.Evaluation;

/// <summary>An article with its names marked by hand.</summary>
public sealed record MarkedArticle(string Lang, string Text, IReadOnlyList<(int Start, int End, string Type)> Names);

/// <summary>Scores of the names the analysis finds against hand-marked names, per language.</summary>
public sealed record NameScores(string Lang, int Gold, int Found, int Matched, int TypedRight, IReadOnlyList<string> Misses)
{
    /// <summary>Gold names found with exactly their span.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double Precision => Found == 0 ? 0 : (double)Matched / Found;

    /// <summary>Of the names found, the share with the right type.</summary>
    public double TypeAccuracy => Matched == 0 ? 0 : (double)TypedRight / Matched;
}

/// <summary>
/// Reads articles whose names are marked <c>[[name|TYPE]]</c> (blocks opened by <c>## LANG</c>) and scores the
/// full analysis (tagger or name-list typer, coreference, apposition) on them: a name counts when an entity mention
/// has exactly its span; type accuracy is measured on those. Place adjectives ("German") are not names here.
/// </summary>
public static class NameEvaluation
{
    public static List<MarkedArticle> Read(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var articles = new List<MarkedArticle>();
        string? lang = null;
        var body = new StringBuilder();

        void Flush()
        {
            if (lang is not null && body.ToString().Trim() is { Length: > 0 } marked)
            {
                articles.Add(Parse(lang, marked));
            }

            body.Clear();
        }

        foreach (var line in content.Split('\n'))
        {
            var l = line.TrimEnd('\r');
            if (l.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                lang = l[3..].Trim();
            }
            else if (!l.StartsWith('#'))
            {
                body.AppendLine(l);
            }
        }

        Flush();
        return articles;
    }

    private static MarkedArticle Parse(string lang, string marked)
    {
        var text = new StringBuilder();
        var names = new List<(int, int, string)>();
        var i = 0;
        while (i < marked.Length)
        {
            var open = marked.IndexOf("[[", i, StringComparison.Ordinal);
            var close = open < 0 ? -1 : marked.IndexOf("]]", open, StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                text.Append(marked, i, marked.Length - i);
                break;
            }

            text.Append(marked, i, open - i);
            var inner = marked[(open + 2)..close];
            var bar = inner.LastIndexOf('|');
            var name = bar < 0 ? inner : inner[..bar];
            var type = bar < 0 ? "MISC" : inner[(bar + 1)..];
            names.Add((text.Length, text.Length + name.Length, type));
            text.Append(name);
            i = close + 2;
        }

        return new MarkedArticle(lang, text.ToString(), names);
    }

    public static List<NameScores> Evaluate(ArticleAnalyzer analyzer, IEnumerable<MarkedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(articles);
        var byLang = new SortedDictionary<string, (int Gold, int Found, int Matched, int Typed, List<string> Misses)>(StringComparer.Ordinal);
        var n = 0;
        foreach (var article in articles)
        {
            var analyzed = analyzer.Analyze(new RawArticle { Ref = "names-" + n++, Text = article.Text, Lang = article.Lang });
            var text = analyzed.Raw.Text;
            var found = analyzed.Entities.Where(e => e.Kind != MentionKind.Adjective).ToList();
            var s = byLang.GetValueOrDefault(article.Lang, (0, 0, 0, 0, []));
            s.Gold += article.Names.Count;
            s.Found += found.Count;
            foreach (var (start, end, type) in article.Names)
            {
                var hit = found.FirstOrDefault(e => e.Start == start && e.End == end);
                if (hit.End == 0)
                {
                    var overlapping = found.Where(e => e.Start < end && start < e.End).Select(e => $"{text[e.Start..e.End]}/{e.Type.Code()}");
                    s.Misses.Add($"missed {text[start..end]}/{type}{(overlapping.Any() ? " (found " + string.Join(", ", overlapping) + ")" : string.Empty)}");
                    continue;
                }

                s.Matched++;
                if (hit.Type.Code() == type)
                {
                    s.Typed++;
                }
                else
                {
                    s.Misses.Add($"typed {text[start..end]} {hit.Type.Code()}, is {type}");
                }
            }

            foreach (var e in found.Where(e => !article.Names.Any(g => g.Start == e.Start && g.End == e.End)))
            {
                s.Misses.Add($"extra {text[e.Start..e.End]}/{e.Type.Code()}");
            }

            byLang[article.Lang] = s;
        }

        return [.. byLang.Select(kv => new NameScores(kv.Key, kv.Value.Gold, kv.Value.Found, kv.Value.Matched, kv.Value.Typed, kv.Value.Misses))];
    }
}
