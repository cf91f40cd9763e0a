namespace Chorus.Monitoring.Export;

/// <summary>What <c>./chorus export</c> writes: one row per story, article, entity, claim sentence or conflicting value.</summary>
public enum ExportTable
{
    Stories,
    Articles,
    Entities,
    Claims,
    Conflicts,
}

public enum ExportFormat
{
    Jsonl,
    Csv,
    Parquet,
}

/// <summary>The type of an export column, as CSV, JSON and Parquet each write it.</summary>
public enum ColumnType
{
    Text,
    Integer,
    Boolean,
}

/// <summary>A column of an export table; <paramref name="Description"/> is its line in the documented schema.</summary>
public sealed record ExportColumn(string Name, ColumnType Type, string Description);

/// <summary>
/// The documented schema of every export table (<c>./chorus export TABLE --schema</c>, docs/monitoring.md). Every
/// format writes the same flat cells (a list in a cell is joined with "; "), so one format converts to another
/// without loss and loads as one table in pandas or R.
/// </summary>
public static class ExportSchema
{
    public const string ListSeparator = "; ";

    /// <summary>A table by its name (stories, articles, entities, claims, conflicts), case aside; null for any other.</summary>
    public static ExportTable? ParseTable(string? name) => name?.ToLowerInvariant() switch
    {
        "stories" => ExportTable.Stories,
        "articles" => ExportTable.Articles,
        "entities" => ExportTable.Entities,
        "claims" => ExportTable.Claims,
        "conflicts" => ExportTable.Conflicts,
        _ => null,
    };

    /// <summary>A format by its name (jsonl, csv, parquet), case aside; null for any other.</summary>
    public static ExportFormat? ParseFormat(string? name) => name?.ToLowerInvariant() switch
    {
        "jsonl" => ExportFormat.Jsonl,
        "csv" => ExportFormat.Csv,
        "parquet" => ExportFormat.Parquet,
        _ => null,
    };

    public static IReadOnlyList<ExportColumn> Columns(ExportTable table) => table switch
    {
        ExportTable.Stories =>
        [
            new("story_id", ColumnType.Text, "story id (as in ./chorus story ID)"),
            new("title", ColumnType.Text, "the story's title: its first article's headline or first sentence"),
            new("first_date", ColumnType.Text, "earliest article date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            new("last_date", ColumnType.Text, "latest article date"),
            new("articles", ColumnType.Integer, "articles in the story, near-copies included"),
            new("sources", ColumnType.Integer, "independent sources: distinct outlets, near-copies once, each article of unknown outlet on its own"),
            new("unknown_outlets", ColumnType.Integer, "of sources, articles of unknown outlet"),
            new("outlets", ColumnType.Text, "outlet names, '; '-separated"),
            new("langs", ColumnType.Text, "languages, '; '-separated"),
            new("key_entities", ColumnType.Text, "entities in most of its articles, '; '-separated"),
        ],
        ExportTable.Articles =>
        [
            new("article_id", ColumnType.Text, "article id"),
            new("ref", ColumnType.Text, "what it was ingested as: file, file:line or the input's own id"),
            new("outlet", ColumnType.Text, "outlet name, the URL's domain, or 'unknown outlet'"),
            new("date", ColumnType.Text, "article date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            new("lang", ColumnType.Text, "language code"),
            new("title", ColumnType.Text, "headline"),
            new("url", ColumnType.Text, "URL of the original"),
            new("story_id", ColumnType.Text, "the story it is in"),
            new("duplicate_of", ColumnType.Text, "the article it is a near-copy of"),
            new("entity_ids", ColumnType.Text, "linked entities, '; '-separated, in order of first mention"),
            new("entity_names", ColumnType.Text, "their names, in the same order"),
            new("figures", ColumnType.Text, "figures as value and unit ('12 dead; 17.4 m'), '; '-separated"),
            new("words", ColumnType.Integer, "word tokens in title and text"),
        ],
        ExportTable.Entities =>
        [
            new("entity_id", ColumnType.Text, "entity id"),
            new("name", ColumnType.Text, "the name shown"),
            new("type", ColumnType.Text, "PER, LOC, ORG or MISC"),
            new("mentions", ColumnType.Integer, "mentions in all articles"),
            new("variants", ColumnType.Text, "spellings seen, most frequent first, '; '-separated"),
        ],
        ExportTable.Claims =>
        [
            new("story_id", ColumnType.Text, "story id"),
            new("claim", ColumnType.Integer, "claim number within the story, from 1"),
            new("shared", ColumnType.Boolean, "reported by more than one independent source"),
            new("sources", ColumnType.Integer, "independent sources reporting it"),
            new("article_id", ColumnType.Text, "the article of this sentence"),
            new("outlet", ColumnType.Text, "its outlet"),
            new("start", ColumnType.Integer, "sentence start (UTF-16 offset into the article text)"),
            new("end", ColumnType.Integer, "sentence end"),
            new("sentence", ColumnType.Text, "the sentence"),
        ],
        _ =>
        [
            new("story_id", ColumnType.Text, "story id"),
            new("conflict", ColumnType.Integer, "conflict number within the story, from 1"),
            new("what", ColumnType.Text, "what the sources disagree on"),
            new("kind", ColumnType.Text, "number, date, place, …"),
            new("article_id", ColumnType.Text, "the article giving this value"),
            new("outlet", ColumnType.Text, "its outlet"),
            new("value", ColumnType.Text, "the resolved value"),
            new("mention", ColumnType.Text, "the words in the article"),
            new("sentence", ColumnType.Text, "the sentence"),
        ],
    };
}
