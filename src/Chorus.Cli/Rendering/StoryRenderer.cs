using System.Globalization;
using System.Text;
using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Store;
using Chorus.Core.Stories;
using Chorus.Core.Stories.Comparison;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Chorus.Cli.Rendering;

/// <summary>Terminal and Markdown renderings of stories. Article text is always escaped before it meets markup.</summary>
internal static class StoryRenderer
{
    /// <summary>More columns than this no longer fit side by side on a terminal.</summary>
    private const int MaxColumns = 4;

    public static void RenderList(IAnsiConsole console, IReadOnlyList<StoryListItemDoc> stories)
    {
        if (stories.Count == 0)
        {
            console.MarkupLine("no stories yet: ingest some articles with './chorus ingest PATH'");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("story").AddColumn("dates").AddColumn(new TableColumn("articles").RightAligned())
            .AddColumn(new TableColumn("sources").RightAligned()).AddColumn("outlets").AddColumn("title");
        foreach (var item in stories)
        {
            var outlets = string.Join(", ", item.Outlets.Take(4));
            table.AddRow(
                Markup.Escape(item.Id),
                Markup.Escape(DateRange(item.FirstDate, item.LastDate)),
                item.Articles.Count.ToString(CultureInfo.InvariantCulture),
                item.UnknownOutlets > 0 && item.UnknownOutlets < item.Sources
                    ? string.Create(CultureInfo.InvariantCulture, $"{item.Sources} ({item.UnknownOutlets} unknown)")
                    : item.Sources.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(outlets),
                Markup.Escape(Shorten(item.Title, 70)));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"{stories.Count} stories, {stories.Sum(s => s.Articles.Count)} articles");
    }

    public static void RenderStory(IAnsiConsole console, StoredStory story, StoryDoc doc, StoryComparison comparison, IReadOnlyList<AnalyzedArticle> analyzed)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(doc.Title)}[/]").LeftJustified());
        console.MarkupLineInterpolated($"story {doc.Id} · {DateRange(doc.FirstDate, doc.LastDate)} · {doc.Articles.Count} articles from {doc.Sources} independent sources{Unknown(doc)} · {comparison.Claims.Count(c => c.Shared)} shared claims · {doc.Conflicts.Count} conflicts");
        console.WriteLine();
        if (doc.Conflicts.Count > 0)
        {
            console.MarkupLine("[bold red]Sources disagree[/]");
            foreach (var c in doc.Conflicts)
            {
                // The words and what they resolve to, as the web page shows them: "dinsdag" = 2024-03-12, "ruim 200" = >200.
                // Values of one side agree ("$1 billion", "$1.07B"): joined by commas, sides by "vs".
                console.MarkupLineInterpolated($"  [red]![/] {c.What}: {string.Join(" vs ", c.Values.GroupBy(v => v.Side).Select(side => string.Join(", ", side.Select(v => $"\"{v.Mention}\"{Resolved(v.Mention, v.Value)} ({ArticleLabel(story, v.Article)})"))))}");
                foreach (var v in c.Values)
                {
                    console.MarkupLineInterpolated($"      [grey]{ArticleLabel(story, v.Article)}: {Shorten(v.Text, 150)}[/]");
                }
            }

            console.WriteLine();
        }

        if (doc.Updates.Count > 0)
        {
            console.MarkupLine("[bold]Figures that developed[/]");
            foreach (var u in doc.Updates)
            {
                console.MarkupLineInterpolated($"  [yellow]→[/] {u.What} ({u.Kind}): {string.Join(" → ", u.Values.Select(v => $"\"{v.Mention}\"{Resolved(v.Mention, v.Value)} ({ArticleLabel(story, v.Article)}, {ArticleDate(story, v.Article)})"))}");
            }

            console.WriteLine();
        }

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
                var marker = comparison.InConflict.Contains((article.Id, sentence.Start)) ? "[red]![/]"
                    : claim is { Shared: true } ? $"[green]= ({claim.Sources})[/]"
                    : "[grey]+[/]";
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

        console.MarkupLine("[green]= (n)[/] reported by n independent sources   [grey]+[/] only in this source   [red]![/] in conflict with another source");
        if (doc.Timeline.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Timeline[/]");
            var timeline = new Table().Border(TableBorder.Simple).AddColumn("when").AddColumn("").AddColumn("sources").AddColumn("what");
            foreach (var e in doc.Timeline)
            {
                timeline.AddRow(
                    Markup.Escape(e.Value),
                    e.Background ? "[grey]background[/]" : string.Empty,
                    Markup.Escape(string.Join(", ", e.Articles.Select(a => ArticleLabel(story, a)))),
                    Markup.Escape(Shorten(e.Text, 110)));
            }

            console.Write(timeline);
        }

        if (doc.Quotes.Count > 0)
        {
            console.MarkupLine("[bold]Quotes by speaker[/]");
            foreach (var speaker in doc.Quotes)
            {
                console.MarkupLineInterpolated($"  [bold]{speaker.SpeakerName ?? "unattributed"}[/]");
                foreach (var q in speaker.Quotes)
                {
                    console.MarkupLineInterpolated($"    “{Shorten(q.Text, 140)}” [grey]({ArticleLabel(story, q.Article)})[/]");
                }
            }

            console.WriteLine();
        }

        var entities = doc.Entities.Where(e => e.Articles.Count > 1).Take(12).ToList();
        if (entities.Count > 0)
        {
            console.MarkupLine("[bold]Entities in several sources[/] (mentions per article)");
            foreach (var e in entities)
            {
                var variants = e.Variants.Count > 1 ? $" · {string.Join(" · ", e.Variants)}" : string.Empty;
                console.MarkupLineInterpolated($"  {e.Name} [grey]{e.Type}{variants}[/]  {string.Join("  ", doc.Articles.Select(a => $"{ArticleLabel(story, a.Id)} {e.Mentions.GetValueOrDefault(a.Id)}"))}");
            }
        }
    }

    public static void RenderWhy(IAnsiConsole console, StoredStory story, IReadOnlyList<CorrectionDoc>? corrections = null)
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

            var decision = ContractMapper.Assignment(asg).Decision();
            table.AddRow(
                Markup.Escape(a.Id),
                Markup.Escape(decision),
                asg.OpenedStory ? "–" : asg.Score.ToString("0.000", CultureInfo.InvariantCulture),
                asg.OpenedStory ? "–" : string.Create(CultureInfo.InvariantCulture, $"{asg.TermSimilarity:0.00} · {asg.NameOverlap:0.00} · {asg.DateProximity:0.00} ({(asg.DaysApart is { } d ? d + " d" : "?")})"),
                Markup.Escape(string.Join(", ", asg.SharedNames)),
                Markup.Escape(string.Join(", ", asg.SharedTerms)));
        }

        console.Write(table);
        foreach (var c in corrections ?? [])
        {
            console.MarkupLine("[yellow]" + Markup.Escape(c.Describe()) + "[/]");
        }
    }

    public static string Markdown(StoryDoc doc)
    {
        var sb = new StringBuilder();
        var label = doc.Articles.ToDictionary(a => a.Id, a => a.Outlet, StringComparer.Ordinal);
        string Cite(string article, int start, int end) => $"\\[{MarkdownText(label[article])}, `{article}`:{start}–{end}\\]";
        sb.Append("# ").AppendLine(MarkdownText(doc.Title)).AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Story `{doc.Id}` · {DateRange(doc.FirstDate, doc.LastDate)} · {doc.Articles.Count} articles from {doc.Sources} independent sources{Unknown(doc)} · {doc.Claims.Count(c => c.Shared)} shared claims · {doc.Conflicts.Count} conflicts").AppendLine();
        sb.AppendLine("## Sources").AppendLine();
        foreach (var a in doc.Articles)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- `{a.Id}` {MarkdownText(label[a.Id])} ({a.Date ?? "undated"}, {a.Lang}){(a.DuplicateOf is null ? string.Empty : $" — near-copy of `{a.DuplicateOf}`")}");
        }

        sb.AppendLine().AppendLine("## Summary").AppendLine();
        foreach (var s in doc.SummarySentences)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {MarkdownText(s.Text)} {Cite(s.Article, s.Start, s.End)}");
        }

        if (doc.Conflicts.Count > 0)
        {
            sb.AppendLine().AppendLine("## Where the sources disagree").AppendLine();
            foreach (var c in doc.Conflicts)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- **{c.What}**");
                foreach (var v in c.Values)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"  - “{MarkdownText(v.Mention)}”: {MarkdownText(v.Text)} {Cite(v.Article, v.Sentence.Start, v.Sentence.End)}");
                }
            }
        }

        if (doc.Updates.Count > 0)
        {
            sb.AppendLine().AppendLine("## Figures that developed").AppendLine();
            foreach (var u in doc.Updates)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- **{u.What}** ({u.Kind}): {string.Join(" → ", u.Values.Select(v => $"“{MarkdownText(v.Mention)}” {Cite(v.Article, v.Sentence.Start, v.Sentence.End)}"))}");
            }
        }

        sb.AppendLine().AppendLine("## Reported by several sources").AppendLine();
        foreach (var c in doc.Claims.Where(c => c.Shared))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- ({c.Sources} sources{(c.Disputed ? ", disagreeing: see above" : string.Empty)}) {MarkdownText(c.Text)}");
            foreach (var s in c.Sentences.Where(s => s.Text != c.Text))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  - {MarkdownText(s.Text)} {Cite(s.Article, s.Start, s.End)}");
            }
        }

        sb.AppendLine().AppendLine("## Reported by one source only").AppendLine();
        foreach (var group in doc.Claims.Where(c => !c.Shared && c.Text.Length >= 40).GroupBy(c => c.Articles[0], StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"### {MarkdownText(label[group.Key])} (`{group.Key}`)").AppendLine();
            foreach (var c in group)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {MarkdownText(c.Text)}");
            }

            sb.AppendLine();
        }

        if (doc.Timeline.Count > 0)
        {
            sb.AppendLine("## Timeline").AppendLine();
            sb.AppendLine("| when | | what | sources |").AppendLine("|---|---|---|---|");
            foreach (var e in doc.Timeline)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {e.Value} | {(e.Background ? "background" : string.Empty)} | {MarkdownText(e.Text)} | {string.Join(", ", e.Articles.Select(a => MarkdownText(label[a])))} |");
            }

            sb.AppendLine();
        }

        if (doc.Quotes.Count > 0)
        {
            sb.AppendLine("## Quotes by speaker").AppendLine();
            foreach (var speaker in doc.Quotes)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- **{MarkdownText(speaker.SpeakerName ?? "unattributed")}**");
                foreach (var q in speaker.Quotes)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"  - “{MarkdownText(q.Text)}” {Cite(q.Article, q.Start, q.End)}");
                }
            }

            sb.AppendLine();
        }

        sb.AppendLine("## Entities").AppendLine();
        sb.AppendLine("| entity | type | variants | " + string.Join(" | ", doc.Articles.Select(a => MarkdownText(label[a.Id]))) + " |");
        sb.AppendLine("|---|---|---|" + string.Concat(doc.Articles.Select(_ => "---:|")));
        foreach (var e in doc.Entities.Take(30))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {MarkdownText(e.Name)} | {e.Type} | {MarkdownText(string.Join(" · ", e.Variants))} | {string.Join(" | ", doc.Articles.Select(a => e.Mentions.GetValueOrDefault(a.Id).ToString(CultureInfo.InvariantCulture)))} |");
        }

        return sb.ToString();
    }

    /// <summary>Article text in Markdown: characters that would start markup or HTML are escaped.</summary>
    private static string MarkdownText(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                sb.Append('\\');
            }

            sb.Append(c is '\n' ? ' ' : c);
        }

        return sb.ToString();
    }

    private static string ArticleLabel(StoredStory story, string articleId)
        => story.Articles.FirstOrDefault(a => a.Id == articleId) is { } a ? SourceLabel(a) : articleId;

    private static string ArticleDate(StoredStory story, string articleId)
        => story.Articles.FirstOrDefault(a => a.Id == articleId)?.Date?.ToString() ?? "undated";

    // "(2 of unknown outlet)": the reader sees how many of the sources are only assumed to be independent.
    private static string Unknown(StoryDoc doc) => doc.UnknownOutlets > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({doc.UnknownOutlets} of unknown outlet)") : string.Empty;

    public static string SourceLabel(StoredArticle a) => Chorus.Core.Outlets.OutletNames.Label(a.Source, a.Url);

    private static string DateRange(string? first, string? last)
        => first is null ? "undated" : first == last ? first : $"{first} – {last}";

    private static string Resolved(string mention, string value)
        => string.Equals(mention, value, StringComparison.OrdinalIgnoreCase) ? string.Empty : " = " + value;

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
