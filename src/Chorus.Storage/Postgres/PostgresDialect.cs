using System.Data;
using System.Globalization;
using System.Text;
using Chorus.Storage.Relational;

namespace Chorus.Storage.Postgres;

internal sealed class PostgresDialect : SqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    public override string SelectJsonRows(string parameter, string kinds)
    {
        var columns = new StringBuilder("SELECT ");
        for (var i = 0; i < kinds.Length; i++)
        {
            var at = i.ToString(CultureInfo.InvariantCulture);
            columns.Append(i == 0 ? string.Empty : ", ").Append(kinds[i] == 'x' ? $"decode(value->>{at}, 'hex')" : $"(value->>{at}{kinds[i] switch { 'i' => ")::integer", 'l' => ")::bigint", _ => ")" }}");
        }

        return columns.Append(CultureInfo.InvariantCulture, $" FROM jsonb_array_elements(CAST({parameter} AS jsonb)) AS held(value) WHERE true").ToString();
    }

    public override DbType JsonRowsType => DbType.String;

    // CAST(… AS jsonb) takes text.
    public override object JsonRowsValue(byte[] utf8) => System.Text.Encoding.UTF8.GetString(utf8);

    public override bool WritesLargeRowsOneByOne => false;

    public override string SelectJsonTexts(string parameter) => $"SELECT jsonb_array_elements_text(CAST({parameter} AS jsonb))";

    public override string OrderedJsonArray(string column, string orderBy) => $"CAST(json_agg({column} ORDER BY {orderBy}) AS text)";

    // Text columns are COLLATE "C" (bytewise, as in SQLite), so the range is the same and uses the b-tree.
    public override string StartsWith(string column, string parameter) => $"{column} >= {parameter} AND {column} < {parameter} || chr(127)";

    // PostgreSQL's planner picks index-only scans by itself.
    public override string IndexedBy(string index) => string.Empty;

    public override string FileNameOf(string column, string parameter) => $"right({column}, length({parameter}) + 1) IN ('/' || {parameter}, '\\' || {parameter})";
}
