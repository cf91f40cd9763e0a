using System.Globalization;
using System.Text.Json;
using System.Text;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Core.Stories.Comparison;
using Chorus.Core.Time;

namespace Chorus.Evaluation;

/// <summary>An article with the story a person (or a data set) says it belongs to.</summary>
public sealed record LabelledArticle(RawArticle Article, string Gold);

/// <summary>
/// Reads articles labelled with their gold story: JSONL in the ingest fields plus <c>"event"</c> (or
/// <c>"story"</c>), the UCI news CSV (ID, TITLE, PUBLISHER, STORY, TIMESTAMP in milliseconds), whose headlines
/// become headline-only items, or labelled comparison stories (eval/comparison-stories.txt), whose articles are
/// referred to as <c>story/article</c>. Problems are returned with their line, not thrown.
/// </summary>
public static class LabelledArticles
{
    public static (List<LabelledArticle> Items, List<string> Errors) Read(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadUciCsv(path, content)
            : IsComparisonFixture(content) ? ReadComparisonFixture(path, content)
            : ReadJsonl(path, content);
    }

    private static bool IsComparisonFixture(string content)
        => content.StartsWith("=== story ", StringComparison.Ordinal) || content.Contains("\n=== story ", StringComparison.Ordinal);

    private static (List<LabelledArticle>, List<string>) ReadComparisonFixture(string path, string content)
    {
        var (stories, errors) = ComparisonFixture.Parse(path, content.Split('\n'));
        var items = stories.SelectMany(story => story.Articles.Select(a => new LabelledArticle(
            new RawArticle { Ref = ComparisonEvaluation.ArticleKey(story.Id, a.Id), Text = a.Text, Date = a.Date, Source = a.Outlet, Lang = a.Lang },
            story.Id))).ToList();
        return (items, errors);
    }

    private static (List<LabelledArticle>, List<string>) ReadJsonl(string path, string content)
    {
        var items = new List<LabelledArticle>();
        var errors = new List<string>();
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var where = string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 1}");
            var result = JsonlReader.Read(new StringReader(line), where, null, int.MaxValue).Single();
            if (result.Article is not { } article)
            {
                errors.Add($"{where}: {result.Rejection!.Reason}");
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var gold = json.RootElement.TryGetProperty("event", out var e) ? e.ToString() : json.RootElement.TryGetProperty("story", out var s) ? s.ToString() : null;
            if (string.IsNullOrEmpty(gold))
            {
                errors.Add($"{where}: no \"event\" or \"story\" field with the gold story");
                continue;
            }

            items.Add(new LabelledArticle(article, gold));
        }

        return (items, errors);
    }

    private static (List<LabelledArticle>, List<string>) ReadUciCsv(string path, string content)
    {
        var items = new List<LabelledArticle>();
        var errors = new List<string>();
        var rows = content.Split('\n');
        var header = Fields(rows[0].TrimEnd('\r'));
        int Column(string name) => header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        var (id, title, publisher, story, timestamp) = (Column("ID"), Column("TITLE"), Column("PUBLISHER"), Column("STORY"), Column("TIMESTAMP"));
        if (new[] { id, title, story, timestamp }.Any(c => c < 0))
        {
            return (items, [$"{path}:1: expected the columns ID, TITLE, PUBLISHER, STORY and TIMESTAMP"]);
        }

        for (var r = 1; r < rows.Length; r++)
        {
            var row = rows[r].TrimEnd('\r');
            if (row.Length == 0)
            {
                continue;
            }

            var f = Fields(row);
            if (f.Count < header.Count || !long.TryParse(f[timestamp], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                errors.Add($"{path}:{r + 1}: expected {header.Count} fields with a millisecond TIMESTAMP");
                continue;
            }

            var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime);
            items.Add(new LabelledArticle(
                new RawArticle { Ref = f[id], ExternalId = f[id], Title = f[title], Text = string.Empty, Source = publisher >= 0 ? f[publisher] : null, Date = PartialDate.OfDay(day), Lang = "en" },
                f[story]));
        }

        return (items, errors);
    }

    /// <summary>The fields of one CSV line: commas separate, double quotes enclose, a doubled quote is a quote.</summary>
    internal static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString());
        return fields;
    }
}
