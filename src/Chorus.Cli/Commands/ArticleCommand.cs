using Chorus.Core.Analysis;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class ArticleCommand
{
    public static async Task<int> RunAsync(CliContext ctx, string dbPath, string idOrRef, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var queries = new ChorusQueries(workspace);
        // A path as typed at ingest ("../shared/seeds/000.txt") is stored under its display reference ("seeds/000.txt"):
        // the file's own name finds it then.
        var doc = await queries.ArticleAsync(idOrRef, ct).ConfigureAwait(false)
            ?? (File.Exists(idOrRef) ? await queries.ArticleAsync(ArticleInputReader.DisplayRef(idOrRef, idOrRef), ct).ConfigureAwait(false) : null)
            ?? throw new UsageException($"no article '{idOrRef}' in {workspace.Store.Location}");
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(doc)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var console = ctx.Out;
        console.Write(new Rule($"[bold]{Markup.Escape(doc.Title ?? doc.Ref)}[/]").LeftJustified());
        console.MarkupLineInterpolated($"id {doc.Id} · ref {doc.Ref} · outlet {Chorus.Core.Outlets.OutletNames.Label(doc.Source, doc.Url)} · date {doc.Date ?? "unknown"} · lang {doc.Lang} · story {doc.StoryId ?? "–"}");
        if (doc.DuplicateOf is not null)
        {
            console.MarkupLineInterpolated($"[yellow]near-copy of {doc.DuplicateOf}[/]");
        }

        console.WriteLine();
        // Entities are marked in the text with their type; every sentence starts on its own line.
        foreach (var sentence in doc.Sentences)
        {
            var markup = new System.Text.StringBuilder();
            var pos = sentence.Start;
            foreach (var e in doc.Entities.Where(e => e.Start >= sentence.Start && e.End <= sentence.End && e.Start >= pos))
            {
                markup.Append(Markup.Escape(doc.Text[pos..e.Start]))
                    .Append(ctx.Interactive ? "[bold cyan]" : "[[").Append(Markup.Escape(doc.Text[e.Start..e.End]))
                    .Append(ctx.Interactive ? $"[/][grey]/{e.Type}[/]" : $"]]/{e.Type}");
                pos = e.End;
            }

            markup.Append(Markup.Escape(doc.Text[pos..sentence.End]));
            console.MarkupLine(markup.ToString());
        }

        console.WriteLine();
        if (doc.Times.Count > 0)
        {
            console.MarkupLine("[bold]Times[/]");
            foreach (var t in doc.Times)
            {
                console.MarkupLineInterpolated($"  {t.Text} → {t.Value ?? "unresolved"} [grey]({t.Kind}{(t.Mod is null ? string.Empty : ", " + t.Mod)})[/]");
            }
        }

        if (doc.Quantities.Count > 0)
        {
            console.MarkupLine("[bold]Quantities[/]");
            foreach (var q in doc.Quantities)
            {
                var amount = q.Min is { } min && q.Max is { } max ? $"{min:0.##}–{max:0.##}" : q.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
                console.MarkupLineInterpolated($"  {q.Text} → {amount} {q.Unit ?? string.Empty}{(q.Approximate ? " (approximate)" : string.Empty)}");
            }
        }

        if (doc.Quotes.Count > 0)
        {
            console.MarkupLine("[bold]Quotes[/]");
            foreach (var q in doc.Quotes)
            {
                var shown = q.Text.Length > 90 ? q.Text[..89] + "…" : q.Text;
                console.MarkupLineInterpolated($"  “{shown.ReplaceLineEndings(" ")}” — {q.SpeakerName ?? "speaker unknown"}");
            }
        }

        console.MarkupLineInterpolated($"[grey]{doc.Sentences.Count} sentences, {doc.Tokens.Count} tokens, {doc.Entities.Count} entities, {doc.Times.Count} times, {doc.Quantities.Count} quantities, {doc.Quotes.Count} quotes[/]");
        return ExitCodes.Success;
    }
}
