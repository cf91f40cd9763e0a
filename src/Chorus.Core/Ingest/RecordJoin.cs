using System.Text.Json;
using Chorus.Core.Time;

namespace Chorus.Core.Ingest;

/// <summary>
/// Metadata kept apart from the articles, joined to them by id (<c>ingest --join FILE</c>): a JSONL file whose records
/// have an <c>id</c> and any of <c>publisher</c>/<c>source</c>, <c>url</c>, <c>lang</c>. An article whose input id
/// matches takes what it lacks from the record; what the article itself says is never overwritten. The DPG 2019
/// <c>labels.jsonl</c> is such a file: it gives the publisher of 766 of its articles.
/// </summary>
public sealed class RecordJoin
{
    private readonly Dictionary<string, (string? Publisher, string? Url, string? Lang)> _byId;

    private RecordJoin(Dictionary<string, (string? Publisher, string? Url, string? Lang)> byId) => _byId = byId;

    public int Count => _byId.Count;

    /// <summary>Reads the file; a bad line fails with its file, line and field.</summary>
    public static ParseResult<RecordJoin> Load(string path)
    {
        var byId = new Dictionary<string, (string?, string?, string?)>(StringComparer.Ordinal);
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParseResult<RecordJoin>.Fail($"{path}: cannot read: {e.Message}");
        }

        var number = 0;
        try
        {
            foreach (var line in lines)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return ParseResult<RecordJoin>.Fail($"{path}:{number}: expected a JSON object");
                }

                if (!root.TryGetProperty("id", out var idValue) || idValue.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                {
                    return ParseResult<RecordJoin>.Fail($"{path}:{number}: field 'id': required (a string or a number)");
                }

                var id = idValue.ValueKind == JsonValueKind.String ? idValue.GetString()! : idValue.GetRawText();
                string? Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;
                byId[id.Trim()] = (Field("publisher") ?? Field("source"), Field("url"), Field("lang")?.ToLowerInvariant());
            }
        }
        catch (JsonException e)
        {
            return ParseResult<RecordJoin>.Fail($"{path}:{number}: invalid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return ParseResult<RecordJoin>.Fail($"{path}:{number}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParseResult<RecordJoin>.Fail($"{path}: cannot read: {e.Message}");
        }

        return ParseResult<RecordJoin>.Ok(new RecordJoin(byId));
    }

    /// <summary>The article with what the joined record adds; unchanged when no record has its id.</summary>
    public RawArticle Apply(RawArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.ExternalId is not { } id || !_byId.TryGetValue(id.Trim(), out var record))
        {
            return article;
        }

        return article with
        {
            Source = article.Source ?? record.Publisher,
            Url = article.Url ?? record.Url,
            Lang = article.Lang ?? record.Lang,
        };
    }
}
