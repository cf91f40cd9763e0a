using System.Text;
using System.Text.Json;
using Chorus.Core.Contracts;
using Chorus.Core.Ingest;
using Chorus.Core.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Api;

/// <summary>
/// <c>/api/articles</c>: one article with its annotations, and ingest. POST takes one JSON article, a JSON array
/// of them, or JSONL (<c>application/x-ndjson</c>), in the fields of the JSONL input format, and answers what
/// was stored and what was rejected, with the line or array index of each rejection.
/// </summary>
internal static class ArticlesApi
{
    private const string RequestRef = "request";

    public static RouteGroupBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/articles").WithTags("articles");
        group.MapGet("/{id}", GetAsync).RequireApiKey(onlyWhenPrivate: true).WithName("GetArticle");
        group.MapPost("/", PostAsync).RequireApiKey(onlyWhenPrivate: false).WithName("IngestArticles")
            .Accepts<JsonElement>("application/json", "application/x-ndjson").WithRequestTimeout(ChorusWebApp.IngestTimeout);
        return group;
    }

    private static async Task<Results<Ok<ArticleDoc>, ProblemHttpResult>> GetAsync(string id, StoreGate gate, CancellationToken ct)
    {
        var doc = await gate.ReadAsync(queries => queries.ArticleAsync(id, ct), ct).ConfigureAwait(false);
        return doc is null ? Problems.NotFound("article", id) : TypedResults.Ok(doc);
    }

    private static async Task<Results<Ok<IngestDoc>, ProblemHttpResult>> PostAsync(HttpRequest request, StoreGate gate, IOptions<ChorusWebOptions> options, CancellationToken ct, string? source = null)
    {
        var limit = options.Value.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return TooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body has no length to check first; the server stops it at its limit.
            return TooLarge(limit);
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        byte[] jsonl;
        switch (mediaType)
        {
            case "application/json":
                var (lines, error) = JsonToLines(buffer.ToArray());
                if (error is not null)
                {
                    return Problems.BadField("body", error);
                }

                jsonl = lines!;
                break;
            case "application/x-ndjson" or "application/jsonl" or "application/jsonlines" or "text/plain":
                jsonl = buffer.ToArray();
                break;
            default:
                return TypedResults.Problem(
                    title: "Unsupported media type",
                    detail: $"Send application/json (one article or an array) or application/x-ndjson (one article per line), not '{request.ContentType}'.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var reading = new ReadOptions { Format = InputFormat.Jsonl, Source = source, Outlets = gate.Outlets };
        var inputs = reading.Attribute(ArticleInputReader.ReadBytes(jsonl, RequestRef, reading), null).ToList();
        var report = await gate.IngestAsync(inputs, ct).ConfigureAwait(false);
        return TypedResults.Ok(ContractMapper.Ingest(report));
    }

    private static ProblemHttpResult TooLarge(long limit)
        => TypedResults.Problem(title: "Request too large", detail: $"The body is over the limit of {limit:N0} bytes; send it in several requests.", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>A JSON article or array of articles as JSONL, one compact object per line, so rejections name the array index as the line.</summary>
    private static (byte[]? Lines, string? Error) JsonToLines(byte[] body)
    {
        // Bytes are decoded as the CLI decodes a file (UTF-8, else UTF-16 by BOM, else Windows-1252), so a body the
        // CLI would accept is accepted here too.
        if (TextDecoder.Decode(body) is not { } decoded)
        {
            return (null, "the body is not text in any supported encoding");
        }

        try
        {
            using var doc = JsonDocument.Parse(decoded.Text);
            var items = doc.RootElement.ValueKind switch
            {
                JsonValueKind.Object => [doc.RootElement],
                JsonValueKind.Array => doc.RootElement.EnumerateArray().ToList(),
                _ => null,
            };
            if (items is null)
            {
                return (null, "expected one article (a JSON object) or an array of articles");
            }

            var sb = new StringBuilder();
            foreach (var item in items)
            {
                sb.Append(item.GetRawText().ReplaceLineEndings(" ")).Append('\n');
            }

            return (Encoding.UTF8.GetBytes(sb.ToString()), null);
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}");
        }
    }
}
