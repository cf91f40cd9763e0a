using System.Data;
using System.Globalization;
using System.Text;
using Chorus.Storage.Relational;

namespace Chorus.Storage.Sqlite;

internal sealed class SqliteDialect : SqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public override string SelectJsonRows(string parameter, string kinds)
    {
        var columns = new StringBuilder("SELECT ");
        for (var i = 0; i < kinds.Length; i++)
        {
            var value = string.Create(CultureInfo.InvariantCulture, $"json_extract(value, '$[{i}]')");
            columns.Append(i == 0 ? string.Empty : ", ").Append(kinds[i] == 'x' ? $"unhex({value})" : value);
        }

        // "WHERE true" lets SQLite's parser tell a following ON CONFLICT from a join condition. The document comes
        // as UTF-8 bytes (JsonRowsValue): read as text, not as SQLite's binary JSON, which is what a blob would be.
        return columns.Append(CultureInfo.InvariantCulture, $" FROM json_each(CAST({parameter} AS TEXT)) WHERE true").ToString();
    }

    public override DbType JsonRowsType => DbType.Binary;

    public override object JsonRowsValue(byte[] utf8) => utf8;

    public override bool WritesLargeRowsOneByOne => true;

    public override string SelectJsonTexts(string parameter) => $"SELECT value FROM json_each({parameter})";

    // json_group_array keeps the order of its (ordered) source.
    public override string OrderedJsonArray(string column, string orderBy) => $"json_group_array({column})";

    // SQLite compares text bytewise: every string that starts with p lies in [p, p || 0x7f).
    public override string StartsWith(string column, string parameter) => $"{column} >= {parameter} AND {column} < {parameter} || x'7f'";

    public override string IndexedBy(string index) => "INDEXED BY " + index;

    public override string FileNameOf(string column, string parameter) => $"substr({column}, -length({parameter}) - 1) IN ('/' || {parameter}, '\\' || {parameter})";
}
