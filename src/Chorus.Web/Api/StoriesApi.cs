using Chorus.Core.Contracts;
using Chorus.Core.Stories;
using Chorus.Core.Time;
using Chorus.Storage.Queries;
using Chorus.Storage.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chorus.Web.Api;

/// <summary><c>/api/stories</c>: the story list (filtered, paged, newest first) and one story with its comparison.</summary>
internal static class StoriesApi
{
    public static RouteGroupBuilder MapStoriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stories").WithTags("stories");
        group.MapGet("/", ListAsync).RequireApiKey(onlyWhenPrivate: true).WithName("ListStories");
        group.MapGet("/{id}", GetAsync).RequireApiKey(onlyWhenPrivate: true).WithName("GetStory");
        group.MapPost("/corrections/undo", (UndoBody? body, StoreGate gate, CancellationToken ct)
            => CorrectAsync(gate, c => c.UndoAsync(body?.Seq, ct), ct)).RequireApiKey(onlyWhenPrivate: false).WithName("UndoStoryCorrection");
        group.MapPost("/{id}/split", (string id, ArticlesBody body, StoreGate gate, CancellationToken ct)
            => CorrectAsync(gate, c => c.SplitAsync(id, body.Articles ?? [], ct), ct)).RequireApiKey(onlyWhenPrivate: false).WithName("SplitStory");
        group.MapPost("/{id}/merge", (string id, MergeBody body, StoreGate gate, CancellationToken ct)
            => CorrectAsync(gate, c => c.MergeAsync(id, body.Story ?? string.Empty, ct), ct)).RequireApiKey(onlyWhenPrivate: false).WithName("MergeStory");
        group.MapPost("/{id}/move", (string id, ArticlesBody body, StoreGate gate, CancellationToken ct)
            => CorrectAsync(gate, c => c.MoveAsync(body.Articles ?? [], id, ct), ct)).RequireApiKey(onlyWhenPrivate: false).WithName("MoveIntoStory");
        return group;
    }

    /// <summary>Split: the listed articles leave story {id} for a new story. Move: they join story {id}.</summary>
    internal sealed record ArticlesBody(IReadOnlyList<string>? Articles);

    /// <summary>Merge: the story named here joins story {id}.</summary>
    internal sealed record MergeBody(string? Story);

    /// <summary>Undo: this correction (default: the newest one in force).</summary>
    internal sealed record UndoBody(long? Seq);

    internal sealed record CorrectedDoc(string Story);

    private static async Task<Results<Ok<CorrectedDoc>, ProblemHttpResult>> CorrectAsync(StoreGate gate, Func<StoryCorrector, Task<CorrectionOutcome>> correct, CancellationToken ct)
    {
        var outcome = await gate.CorrectAsync(correct, ct).ConfigureAwait(false);
        return outcome.Success
            ? TypedResults.Ok(new CorrectedDoc(outcome.StoryId!))
            : TypedResults.Problem(title: "Correction refused", detail: outcome.Error + "; nothing was changed", statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// Stories; <paramref name="from"/>/<paramref name="to"/> are YYYY[-MM[-DD]], <paramref name="sort"/> is newest,
    /// sources or articles; <paramref name="columns"/> false leaves out recurring columns (one headline on three or more
    /// days); <c>total</c> says how many pass the filter.
    /// </summary>
    private static async Task<Results<Ok<StoryPageDoc>, ProblemHttpResult>> ListAsync(
        StoreGate gate, CancellationToken ct, string? q = null, string? entity = null, string? from = null, string? to = null, string? lang = null,
        string? outlet = null, int minSources = 1, string sort = "newest", int page = 1, int pageSize = 50, bool columns = true)
    {
        StorySort? order = sort switch
        {
            "newest" => StorySort.Newest,
            "sources" => StorySort.MostSources,
            "articles" => StorySort.MostArticles,
            _ => null,
        };
        if (order is null)
        {
            return Problems.BadField("sort", "sort is newest, sources or articles");
        }

        if (!TryDate("from", from, out var fromDate, out var problem) || !TryDate("to", to, out var toDate, out problem))
        {
            return problem!;
        }

        if (!string.IsNullOrWhiteSpace(q) && SearchQueryParser.Problem(q) is { } queryProblem)
        {
            return Problems.BadField("q", queryProblem);
        }

        if (page < 1 || pageSize is < 1 or > 500)
        {
            return Problems.BadField(page < 1 ? "page" : "pageSize", "page starts at 1; pageSize is 1 to 500");
        }

        var filter = new StoryFilter { Query = q, Entity = entity, From = fromDate, To = toDate, Lang = lang, Outlet = outlet, MinSources = minSources, WithRecurring = columns, Sort = order.Value, Page = page, PageSize = pageSize };
        return TypedResults.Ok(await gate.ReadAsync(queries => queries.StoriesAsync(filter, ct), ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<StoryDoc>, KeptJson, ProblemHttpResult>> GetAsync(string id, StoreGate gate, CancellationToken ct, bool why = false)
    {
        var (kept, doc) = await gate.ReadAsync(queries => queries.StoryAnswerAsync(id, why, ct), ct).ConfigureAwait(false);
        return kept is not null ? new KeptJson(kept) : doc is null ? Problems.NotFound("story", id) : TypedResults.Ok(doc);
    }

    /// <summary>
    /// A kept story document sent as it is stored (the contract's JSON; the endpoint's metadata still describes it as a
    /// <see cref="StoryDoc"/>).
    /// </summary>
    internal sealed class KeptJson(string json) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            return httpContext.Response.WriteAsync(json, httpContext.RequestAborted);
        }
    }

    internal static bool TryDate(string field, string? value, out PartialDate? date, out ProblemHttpResult? problem)
    {
        (date, problem) = (null, null);
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var parsed = PartialDate.Parse(value);
        if (!parsed.Success)
        {
            problem = Problems.BadField(field, parsed.Error!);
            return false;
        }

        date = parsed.Value;
        return true;
    }
}
