using System.Data;

namespace Chorus.Storage.Relational;

/// <summary>
/// The SQL that differs between the engines <see cref="RelationalChorusStore"/> runs on. Everything else is plain SQL
/// both run as written (upserts as <c>INSERT … ON CONFLICT</c>, parameters as <c>@name</c>).
/// </summary>
public abstract class SqlDialect
{
    /// <summary>
    /// A SELECT of the rows of a JSON array of arrays bound to <paramref name="parameter"/>, in array order, one column
    /// per character of <paramref name="kinds"/> (<c>t</c> text, <c>i</c> integer, <c>l</c> 64-bit integer, <c>x</c> bytes written as hexadecimal text); it ends with a WHERE clause, so an
    /// <c>ON CONFLICT</c> may follow it.
    /// </summary>
    public abstract string SelectJsonRows(string parameter, string kinds);

    /// <summary>The type a JSON document for <see cref="SelectJsonRows"/>, written as UTF-8, is bound as (<see cref="JsonRowsValue"/>).</summary>
    public abstract DbType JsonRowsType { get; }

    /// <summary>
    /// The value bound for a JSON document for <see cref="SelectJsonRows"/> written as UTF-8: SQLite reads the bytes as
    /// they are; a string would be made of them only to be encoded back to UTF-8 as it is bound (both copies were a
    /// tenth of what the serial part of ingest allocated).
    /// </summary>
    public abstract object JsonRowsValue(byte[] utf8);

    /// <summary>
    /// Whether rows as large as a story's profile are written a statement each rather than as one JSON document: an
    /// engine inside the process (SQLite) runs a prepared statement per row for less than it takes to parse a document
    /// of kilobytes per row and render each profile back to text; across a network (PostgreSQL) the round trips cost
    /// more. A profile is then bound as the bytes it is.
    /// </summary>
    public abstract bool WritesLargeRowsOneByOne { get; }

    /// <summary>A SELECT of the strings of a JSON array bound to <paramref name="parameter"/>, as one column.</summary>
    public abstract string SelectJsonTexts(string parameter);

    /// <summary>An aggregate making a JSON array (text) of <paramref name="column"/>, ordered by <paramref name="orderBy"/>, over an already ordered source.</summary>
    public abstract string OrderedJsonArray(string column, string orderBy);

    /// <summary>A condition: text column <paramref name="column"/> starts with <paramref name="parameter"/>, answerable from the column's index.</summary>
    public abstract string StartsWith(string column, string parameter);

    /// <summary>A condition: the path in <paramref name="column"/> ends with the file name <paramref name="parameter"/> after a / or \.</summary>
    public abstract string FileNameOf(string column, string parameter);

    /// <summary>
    /// What follows a table name to have it read through <paramref name="index"/>, where the engine's planner would
    /// not pick a covering index by itself (SQLite prefers a unique index on an equality, and then reads the rows).
    /// </summary>
    public abstract string IndexedBy(string index);
}
