using Chorus.Core.Contracts;
using Chorus.Core.Store;
using Chorus.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chorus.Web.Api;

/// <summary>
/// <c>/api/entities</c>: entities with their spelling variants; one entity by exact id, name or variant (anything
/// else: 404, or 300 when a name fits several, with candidates); merges and splits, logged and undoable.
/// </summary>
internal static class EntitiesApi
{
    public static RouteGroupBuilder MapEntitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/entities").WithTags("entities");
        group.MapGet("/", ListAsync).RequireApiKey(onlyWhenPrivate: true).WithName("ListEntities");
        group.MapGet("/corrections", CorrectionsAsync).RequireApiKey(onlyWhenPrivate: true).WithName("ListEntityCorrections");
        group.MapPost("/corrections/undo", UndoAsync).RequireApiKey(onlyWhenPrivate: false).WithName("UndoEntityCorrection");
        group.MapGet("/{id}", GetAsync).RequireApiKey(onlyWhenPrivate: true).WithName("GetEntity");
        group.MapPost("/{id}/merge", MergeAsync).RequireApiKey(onlyWhenPrivate: false).WithName("MergeEntity");
        group.MapPost("/{id}/split", SplitAsync).RequireApiKey(onlyWhenPrivate: false).WithName("SplitEntity");
        return group;
    }

    /// <summary>Merge: the entity named here (exact id, name or variant) joins entity {id}.</summary>
    internal sealed record MergeBody(string? Entity);

    /// <summary>Split: this variant of entity {id} becomes an entity of its own.</summary>
    internal sealed record SplitBody(string? Variant);

    /// <summary>Undo: this correction (default: the newest one in force).</summary>
    internal sealed record UndoBody(long? Seq);

    /// <summary>Most article and story ids an entity document carries when the request does not say (its totals count all).</summary>
    internal const int DefaultArticlePage = 100;

    /// <summary>
    /// The most mentioned entities; the <c>X-Total-Count</c> header says how many there are in all. Each carries its
    /// newest <paramref name="articles"/> article and story ids (0: only the totals).
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<EntityDoc>>, ProblemHttpResult>> ListAsync(HttpResponse response, StoreGate gate, CancellationToken ct, int limit = 100, int articles = DefaultArticlePage)
    {
        if (limit is < 1 or > 1000)
        {
            return Problems.BadField("limit", "limit is 1 to 1000");
        }

        if (articles is < 0 or > 1000)
        {
            return Problems.BadField("articles", "articles is 0 to 1000");
        }

        var (docs, total) = await gate.ReadAsync(async queries => (await queries.EntitiesAsync(limit, new EntityPaging(PageSize: articles), ct).ConfigureAwait(false), await queries.EntityCountAsync(ct).ConfigureAwait(false)), ct).ConfigureAwait(false);
        response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(docs);
    }

    /// <summary>One entity with one page of its article and story ids, newest first; <c>articleTotal</c> and <c>storyTotal</c> count all.</summary>
    private static async Task<Results<Ok<EntityDoc>, ProblemHttpResult>> GetAsync(string id, StoreGate gate, CancellationToken ct, int page = 1, int pageSize = DefaultArticlePage)
    {
        if (page < 1)
        {
            return Problems.BadField("page", "page is 1 or more");
        }

        if (pageSize is < 1 or > 1000)
        {
            return Problems.BadField("pageSize", "pageSize is 1 to 1000");
        }

        var lookup = await gate.ReadAsync(queries => queries.LookupEntityAsync(id, new EntityPaging(page, pageSize), ct), ct).ConfigureAwait(false);
        return lookup.Entity is { } doc ? TypedResults.Ok(doc) : NotResolved(id, lookup.Ambiguous, lookup.Candidates);
    }

    private static async Task<Ok<IReadOnlyList<EntityCorrectionDoc>>> CorrectionsAsync(StoreGate gate, CancellationToken ct)
        => TypedResults.Ok(await gate.ReadAsync(queries => queries.EntityCorrectionsAsync(ct), ct).ConfigureAwait(false));

    private static Task<Results<Ok<EntityCorrectionDoc>, ProblemHttpResult>> MergeAsync(string id, MergeBody body, StoreGate gate, CancellationToken ct)
        => CorrectAsync(gate, async store =>
        {
            var kept = await store.LookupEntityAsync(id, ct).ConfigureAwait(false);
            if (kept.Match is null)
            {
                return (null, NotResolved(id, kept.Ambiguous, [.. kept.Candidates.Select(ChorusQueries.Candidate)]));
            }

            if (string.IsNullOrWhiteSpace(body.Entity))
            {
                return (null, Problems.BadField("entity", "name the entity to merge into this one"));
            }

            var merged = await store.LookupEntityAsync(body.Entity, ct).ConfigureAwait(false);
            if (merged.Match is null)
            {
                return (null, NotResolved(body.Entity, merged.Ambiguous, [.. merged.Candidates.Select(ChorusQueries.Candidate)]));
            }

            return (await store.MergeEntitiesAsync(kept.Match.Id, merged.Match.Id, ct).ConfigureAwait(false), null);
        }, ct);

    private static Task<Results<Ok<EntityCorrectionDoc>, ProblemHttpResult>> SplitAsync(string id, SplitBody body, StoreGate gate, CancellationToken ct)
        => CorrectAsync(gate, async store =>
        {
            var entity = await store.LookupEntityAsync(id, ct).ConfigureAwait(false);
            if (entity.Match is null)
            {
                return (null, NotResolved(id, entity.Ambiguous, [.. entity.Candidates.Select(ChorusQueries.Candidate)]));
            }

            return string.IsNullOrWhiteSpace(body.Variant)
                ? (null, Problems.BadField("variant", "name the variant that is a different entity"))
                : (await store.SplitEntityAsync(entity.Match.Id, body.Variant, ct).ConfigureAwait(false), null);
        }, ct);

    private static Task<Results<Ok<EntityCorrectionDoc>, ProblemHttpResult>> UndoAsync(UndoBody? body, StoreGate gate, CancellationToken ct)
        => CorrectAsync(gate, async store => (await store.UndoEntityCorrectionAsync(body?.Seq, ct).ConfigureAwait(false), null), ct);

    private static async Task<Results<Ok<EntityCorrectionDoc>, ProblemHttpResult>> CorrectAsync(StoreGate gate, Func<IChorusStore, Task<(EntityCorrectionOutcome? Outcome, ProblemHttpResult? Problem)>> correct, CancellationToken ct)
    {
        var (outcome, problem) = await gate.WriteAsync(workspace => correct(workspace.Store), ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        return outcome!.Correction is { } c
            ? TypedResults.Ok(ChorusQueries.CorrectionDoc(c))
            : TypedResults.Problem(title: "Correction refused", detail: outcome.Error + "; nothing was changed", statusCode: StatusCodes.Status400BadRequest);
    }

    // 404 for a name that fits nothing exactly, 300 for one that fits several; both list what may have been meant.
    private static ProblemHttpResult NotResolved(string query, bool ambiguous, IReadOnlyList<EntityCandidateDoc> candidates)
        => TypedResults.Problem(
            title: ambiguous ? "Several entities have this name" : "No such entity",
            detail: ambiguous ? $"'{query}' names {candidates.Count} entities; ask for one of them by id." : $"There is no entity '{query}'." + (candidates.Count > 0 ? " Candidates are listed." : string.Empty),
            statusCode: ambiguous ? StatusCodes.Status300MultipleChoices : StatusCodes.Status404NotFound,
            extensions: new Dictionary<string, object?> { ["candidates"] = candidates });
}
