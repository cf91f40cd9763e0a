using System.Globalization;
using System.Text;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Store;
using Chorus.Core.Stories;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Chorus.Cli.Rendering;

/// <summary>Terminal and Markdown renderings of stories. Article text is always escaped before it meets markup.</summary>
internal static class StoryRenderer
{
    /// <summary>More columns than this no longer fit side by side on a terminal.</summary>
    private const int MaxColumns = 4;

    public static void RenderList(IAnsiConsole console, IReadOnlyList<StoredStory> stories)
    {
        if (stories.Count == 0)
        {
            console.MarkupLine("no stories yet: ingest some articles with './chorus ingest PATH'");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("story").AddColumn("dates").AddColumn(new TableColumn("articles").RightAligned())
            .AddColumn(new TableColumn("sources").RightAligned()).AddColumn("outlets").AddColumn("title");
        foreach (var story in stories)
        {
            var item = ContractMapper.ListItem(story);
            var outlets = string.Join(", ", story.Articles.Select(SourceLabel).Distinct(StringComparer.Ordinal).Take(4));
            table.AddRow(
                Markup.Escape(item.Id),
                Markup.Escape(DateRange(item.FirstDate, item.LastDate)),
                item.Articles.Count.ToString(CultureInfo.InvariantCulture),
                item.Sources.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(outlets),
                Markup.Escape(Shorten(item.Title, 70)));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"{stories.Count} stories, {stories.Sum(s => s.Articles.Count)} articles");
    }

    public static void RenderStory(IAnsiConsole console, StoredStory story, StoryDoc doc, StoryComparison comparison, IReadOnlyList<AnalyzedArticle> analyzed)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(doc.Title)}[/]").LeftJustified());
        console.MarkupLineInterpolated($"story {doc.Id} · {DateRange(doc.FirstDate, doc.LastDate)} · {doc.Articles.Count} articles from {doc.Sources} independent sources · {comparison.Claims.Count(c => c.Shared)} shared claims");
        console.WriteLine();
        console.MarkupLine("[bold]Summary[/]");
        foreach (var s in doc.Summary)
        {
            console.MarkupLineInterpolated($"  • {s}");
        }

        console.WriteLine();
        var shown = story.Articles.Take(MaxColumns).ToList();
        var table = new Table().Border(TableBorder.Rounded).Expand();
        foreach (var a in shown)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(SourceLabel(a))}[/]\n{Markup.Escape(a.Date?.ToString() ?? "undated")} · {Markup.Escape(a.Id)}{(a.DuplicateOf is null ? string.Empty : "\n[yellow]near-copy[/]")}"));
        }

        var cells = new List<IRenderable>();
        for (var i = 0; i < shown.Count; i++)
        {
            var article = shown[i];
            var text = article.Text;
            var lines = new StringBuilder();
            foreach (var sentence in analyzed[i].Sentences)
            {
                var claim = comparison.ClaimOf.GetValueOrDefault((article.Id, sentence.Start));
                var marker = claim is { Shared: true } ? $"[green]= ({claim.Sources})[/]" : "[grey]+[/]";
                lines.Append(marker).Append(' ').Append(Markup.Escape(text[sentence.Start..sentence.End])).Append('\n');
            }

            cells.Add(new Markup(lines.ToString().TrimEnd('\n')));
        }

        table.AddRow(cells);
        console.Write(table);
        if (story.Articles.Count > MaxColumns)
        {
            console.MarkupLineInterpolated($"[grey]{story.Articles.Count - MaxColumns} more articles not shown side by side; see --json or --markdown[/]");
        }

        console.MarkupLine("[green]= (n)[/] reported by n independent sources   [grey]+[/] only in this source");
        var shared = doc.Names.Where(n => n.Articles.Count > 1).Take(12).Select(n => n.Name).ToList();
        if (shared.Count > 0)
        {
            console.MarkupLineInterpolated($"names in several sources: {string.Join(" · ", shared)}");
        }
    }

    public static void RenderWhy(IAnsiConsole console, StoredStory story)
    {
        console.WriteLine();
        console.MarkupLine("[bold]Why these articles are one story[/]");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("article").AddColumn("decision").AddColumn(new TableColumn("score").RightAligned())
            .AddColumn("terms · names · date").AddColumn("shared names").AddColumn("shared terms");
        foreach (var a in story.Articles)
        {
            var asg = a.Assignment;
            if (asg is null)
            {
                table.AddRow(Markup.Escape(a.Id), "–", "–", "–", "–", "–");
                continue;
            }

            var decision = asg.DuplicateOf is not null ? $"near-copy of {asg.DuplicateOf}" : asg.OpenedStory ? "opened the story" : "joined";
            table.AddRow(
                Markup.Escape(a.Id),
                Markup.Escape(decision),
                asg.OpenedStory ? "–" : asg.Score.ToString("0.000", CultureInfo.InvariantCulture),
                asg.OpenedStory ? "–" : string.Create(CultureInfo.InvariantCulture, $"{asg.TermSimilarity:0.00} · {asg.NameOverlap:0.00} · {asg.DateProximity:0.00} ({(asg.DaysApart is { } d ? d + " d" : "?")})"),
                Markup.Escape(string.Join(", ", asg.SharedNames)),
                Markup.Escape(string.Join(", ", asg.SharedTerms)));
        }

        console.Write(table);
    }

    public static string Markdown(StoryDoc doc)
    {
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(doc.Title).AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Story `{doc.Id}` · {DateRange(doc.FirstDate, doc.LastDate)} · {doc.Articles.Count} articles from {doc.Sources} independent sources").AppendLine();
        sb.AppendLine("## Sources").AppendLine();
        foreach (var a in doc.Articles)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- `{a.Id}` {a.Source ?? a.Ref} ({a.Date ?? "undated"}){(a.DuplicateOf is null ? string.Empty : $" — near-copy of `{a.DuplicateOf}`")}");
        }

        sb.AppendLine().AppendLine("## Summary").AppendLine();
        foreach (var s in doc.SummarySentences)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {s.Text} ([{s.Article}:{s.Start}-{s.End}])");
        }

        sb.AppendLine().AppendLine("## Reported by several sources").AppendLine();
        foreach (var c in doc.Claims.Where(c => c.Shared))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- ({c.Sources} sources) {c.Text}");
        }

        sb.AppendLine().AppendLine("## Reported by one source only").AppendLine();
        foreach (var c in doc.Claims.Where(c => !c.Shared && c.Text.Length >= 40))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- `{c.Articles[0]}` {c.Text}");
        }

        return sb.ToString();
    }

    public static string SourceLabel(StoredArticle a) => a.Source ?? Path.GetFileName(a.Ref);

    private static string DateRange(string? first, string? last)
        => first is null ? "undated" : first == last ? first : $"{first} – {last}";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
