using Chorus.Core.Contracts;
using Chorus.Storage.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chorus.Web.Api;

/// <summary><c>/api/search</c>: full-text search over articles, with highlighted snippets.</summary>
internal static class SearchApi
{
    public static RouteHandlerBuilder MapSearchApi(this IEndpointRouteBuilder app)
        => app.MapGet("/api/search", SearchAsync).WithTags("search").RequireApiKey(onlyWhenPrivate: true).WithName("Search");

    private static async Task<Results<Ok<SearchDoc>, ProblemHttpResult>> SearchAsync(StoreGate gate, CancellationToken ct, string? q = null, int limit = 20)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Problems.BadField("q", "give a query, for example ?q=onderzeeërs");
        }

        if (SearchQueryParser.Problem(q) is { } problem)
        {
            return Problems.BadField("q", problem);
        }

        if (limit is < 1 or > 200)
        {
            return Problems.BadField("limit", "limit is 1 to 200");
        }

        return TypedResults.Ok(await gate.ReadAsync(queries => queries.SearchAsync(q, limit, ct), ct).ConfigureAwait(false));
    }
}
