using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Core.Store;
using Chorus.Storage;
using Chorus.Storage.Queries;
using Chorus.Core.Analysis;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class EntitiesCommand
{
    public static async Task<int> ListAsync(CliContext ctx, string dbPath, int limit, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var queries = new ChorusQueries(workspace);
        // The table shows counts only; the JSON carries every article and story of each entity, as the contract says.
        var docs = await queries.EntitiesAsync(limit, json ? EntityPaging.All : new EntityPaging(PageSize: 0), ct).ConfigureAwait(false);
        var total = await queries.EntityCountAsync(ct).ConfigureAwait(false);
        // A list cut at --limit says so: on stderr under --json (stdout stays the contract's array), below the table otherwise.
        var footer = docs.Count < total ? string.Create(CultureInfo.InvariantCulture, $"showing {docs.Count:N0} of {total:N0} entities, most mentioned first; --limit N shows more") : null;
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(docs)).ConfigureAwait(false);
            if (footer is not null)
            {
                await ctx.Stderr.WriteLineAsync(footer).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("entity").AddColumn("type").AddColumn("name")
            .AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("articles").RightAligned()).AddColumn("variants");
        foreach (var d in docs)
        {
            table.AddRow(Markup.Escape(d.Id), d.Type, Markup.Escape(d.Name), d.Mentions.ToString(CultureInfo.InvariantCulture), d.ArticleTotal.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(" · ", d.Variants)));
        }

        ctx.Out.Write(table);
        if (footer is not null)
        {
            ctx.Out.WriteLine(footer);
        }

        return ExitCodes.Success;
    }

    public static async Task<int> ShowAsync(CliContext ctx, string dbPath, string idOrName, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var lookup = await new ChorusQueries(workspace).LookupEntityAsync(idOrName, EntityPaging.All, ct).ConfigureAwait(false);
        if (lookup.Entity is not { } doc)
        {
            if (json)
            {
                await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(lookup)).ConfigureAwait(false);
            }

            throw new UsageException(NotResolved(idOrName, lookup.Ambiguous, lookup.Candidates, workspace.Store.Location));
        }

        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(doc)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        ctx.Out.Write(new Rule($"[bold]{Markup.Escape(doc.Name)}[/] ({doc.Type})").LeftJustified());
        ctx.Out.MarkupLineInterpolated($"entity {doc.Id} · {doc.Mentions} mentions in {doc.ArticleTotal} articles, {doc.StoryTotal} stories");
        ctx.Out.MarkupLineInterpolated($"variants: {string.Join(" · ", doc.VariantCounts.OrderByDescending(v => v.Value).Select(v => $"{v.Key} ({v.Value})"))}");
        ctx.Out.MarkupLineInterpolated($"stories: {string.Join(", ", doc.Stories)}");
        return ExitCodes.Success;
    }

    public static async Task<int> MergeAsync(CliContext ctx, string dbPath, string kept, string merged, bool dryRun, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        await using var writing = await workspace.Store.LockForWritingAsync("entity correction", ctx.WaitingForWriter, ct).ConfigureAwait(false);
        var a = await ResolveAsync(workspace, kept, ct).ConfigureAwait(false);
        var b = await ResolveAsync(workspace, merged, ct).ConfigureAwait(false);
        if (a.Id == b.Id)
        {
            throw new UsageException($"'{kept}' and '{merged}' are the same entity ({a.Id})");
        }

        var moving = await workspace.Store.EntityOccurrencesAsync(b.Id, ct).ConfigureAwait(false);
        ctx.Out.MarkupLineInterpolated($"{(dryRun ? "would merge" : "merging")} {b.Name} ({b.Id}, {b.Type.Code()}, {b.Mentions} mentions in {moving.Select(o => o.ArticleId).Distinct().Count()} articles; variants {string.Join(" · ", b.Variants.Keys)})");
        ctx.Out.MarkupLineInterpolated($"  into {a.Name} ({a.Id}, {a.Type.Code()}, {a.Mentions} mentions; variants {string.Join(" · ", a.Variants.Keys)})");
        if (a.Type != b.Type)
        {
            ctx.Out.MarkupLineInterpolated($"[yellow]note:[/] the types differ ({a.Type.Code()} / {b.Type.Code()}); the merged entity keeps {a.Type.Code()}");
        }

        if (dryRun)
        {
            return ExitCodes.Success;
        }

        var outcome = await workspace.Store.MergeEntitiesAsync(a.Id, b.Id, ct).ConfigureAwait(false);
        var correction = outcome.Correction ?? throw new UsageException(outcome.Error!);
        ctx.Out.MarkupLineInterpolated($"merged: correction #{correction.Seq}, {correction.Occurrences} article occurrences moved; later ingests follow it. Undo: ./chorus entity undo {correction.Seq}");
        return ExitCodes.Success;
    }

    public static async Task<int> SplitAsync(CliContext ctx, string dbPath, string entityRef, string variant, bool dryRun, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        await using var writing = await workspace.Store.LockForWritingAsync("entity correction", ctx.WaitingForWriter, ct).ConfigureAwait(false);
        var e = await ResolveAsync(workspace, entityRef, ct).ConfigureAwait(false);
        if (!e.Variants.TryGetValue(variant, out var count))
        {
            throw new UsageException($"entity '{e.Name}' ({e.Id}) has no variant '{variant}' (it has: {string.Join(", ", e.Variants.Keys)})");
        }

        var moving = (await workspace.Store.EntityOccurrencesAsync(e.Id, ct).ConfigureAwait(false)).Count(o => o.LocalName == variant);
        ctx.Out.MarkupLineInterpolated($"{(dryRun ? "would split" : "splitting")} '{variant}' ({count} mentions, {moving} article occurrences) from {e.Name} ({e.Id}) into an entity of its own");
        if (dryRun)
        {
            return ExitCodes.Success;
        }

        var outcome = await workspace.Store.SplitEntityAsync(e.Id, variant, ct).ConfigureAwait(false);
        var correction = outcome.Correction ?? throw new UsageException(outcome.Error!);
        ctx.Out.MarkupLineInterpolated($"split into {correction.OtherId}: correction #{correction.Seq}; later ingests follow it. Undo: ./chorus entity undo {correction.Seq}");
        return ExitCodes.Success;
    }

    public static async Task<int> CorrectionsAsync(CliContext ctx, string dbPath, bool json, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var docs = await new ChorusQueries(workspace).EntityCorrectionsAsync(ct).ConfigureAwait(false);
        if (json)
        {
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(docs)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("kind").AddColumn("entity").AddColumn("other").AddColumn("variant")
            .AddColumn(new TableColumn("occurrences").RightAligned()).AddColumn("at").AddColumn("undone");
        foreach (var d in docs)
        {
            table.AddRow(d.Seq.ToString(CultureInfo.InvariantCulture), d.Kind, d.Entity, d.Other, Markup.Escape(d.Variant ?? string.Empty), d.Occurrences.ToString(CultureInfo.InvariantCulture), d.At, d.UndoneAt ?? string.Empty);
        }

        ctx.Out.Write(table);
        return ExitCodes.Success;
    }

    public static async Task<int> UndoAsync(CliContext ctx, string dbPath, long? seq, CancellationToken ct)
    {
        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        await using var writing = await workspace.Store.LockForWritingAsync("entity correction", ctx.WaitingForWriter, ct).ConfigureAwait(false);
        var outcome = await workspace.Store.UndoEntityCorrectionAsync(seq, ct).ConfigureAwait(false);
        var c = outcome.Correction ?? throw new UsageException(outcome.Error! + "; nothing was changed");
        if (c.Kind == EntityCorrectionKind.Merge)
        {
            ctx.Out.MarkupLineInterpolated($"undid #{c.Seq}: {c.OtherId} is an entity of its own again, with the {c.Occurrences} article occurrences it had");
        }
        else
        {
            ctx.Out.MarkupLineInterpolated($"undid #{c.Seq}: '{c.Variant}' is back in {c.EntityId}; {c.OtherId} now leads there");
        }

        return ExitCodes.Success;
    }

    /// <summary>An exact id, name or variant; anything else stops the command with the candidates.</summary>
    private static async Task<StoredEntity> ResolveAsync(ChorusWorkspace workspace, string idOrName, CancellationToken ct)
    {
        var lookup = await workspace.Store.LookupEntityAsync(idOrName, ct).ConfigureAwait(false);
        return lookup.Match ?? throw new UsageException(NotResolved(idOrName, lookup.Ambiguous, lookup.Candidates.Select(ChorusQueries.Candidate).ToList(), workspace.Store.Location));
    }

    internal static string NotResolved(string query, bool ambiguous, IReadOnlyList<EntityCandidateDoc> candidates, string location)
    {
        var head = ambiguous
            ? $"'{query}' names {candidates.Count} entities in {location}; give one of their ids:"
            : $"no entity '{query}' in {location}" + (candidates.Count == 0 ? " (see './chorus entities')" : "; did you mean:");
        return string.Join(Environment.NewLine, candidates.Select(c => $"  {c.Id}  {c.Name} ({c.Type}, {c.Mentions} mentions)").Prepend(head));
    }
}
