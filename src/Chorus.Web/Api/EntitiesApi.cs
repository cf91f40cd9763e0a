using Chorus.Core.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chorus.Web.Api;

/// <summary><c>/api/entities</c>: entities with their spelling variants, and one entity by id or name.</summary>
internal static class EntitiesApi
{
    public static RouteGroupBuilder MapEntitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/entities").WithTags("entities");
        group.MapGet("/", ListAsync).RequireApiKey(onlyWhenPrivate: true).WithName("ListEntities");
        group.MapGet("/{id}", GetAsync).RequireApiKey(onlyWhenPrivate: true).WithName("GetEntity");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<EntityDoc>>, ProblemHttpResult>> ListAsync(StoreGate gate, CancellationToken ct, int limit = 100)
    {
        if (limit is < 1 or > 1000)
        {
            return Problems.BadField("limit", "limit is 1 to 1000");
        }

        return TypedResults.Ok(await gate.ReadAsync(queries => queries.EntitiesAsync(limit, ct), ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<EntityDoc>, ProblemHttpResult>> GetAsync(string id, StoreGate gate, CancellationToken ct)
    {
        var doc = await gate.ReadAsync(queries => queries.EntityAsync(id, ct), ct).ConfigureAwait(false);
        return doc is null ? Problems.NotFound("entity", id) : TypedResults.Ok(doc);
    }
}
