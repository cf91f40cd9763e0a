using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Storage;
using CsvHelper;
using Parquet;

namespace Chorus.Monitoring.Tests;

internal static class MonitoringTestSupport
{
    public static Task<IngestReport> IngestAsync(ChorusWorkspace ws, IEnumerable<string> paths, ReadOptions? options = null)
    {
        var pipeline = new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index);
        var inputs = ArticleInputReader.Expand(paths).SelectMany(e => e.Problem is { } p
            ? [ReadResult.Rejected(p.Input, p.Reason)]
            : ArticleInputReader.ReadFile(e.File!, options ?? new ReadOptions()));
        return pipeline.RunAsync(inputs);
    }

    /// <summary>A CSV export read back: the header, then every row's cells as text.</summary>
    public static (IReadOnlyList<string> Header, List<string?[]> Rows) ReadCsv(string path)
    {
        using var reader = CsvReader.Create(File.OpenRead(path), null, leaveOpen: false);
        var header = reader.Headers.ToList();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[header.Count];
            for (var i = 0; i < header.Count; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return (header, rows);
    }

    /// <summary>A Parquet export read back the same way: every cell as text (numbers invariant, booleans true/false, null as empty).</summary>
    public static async Task<(IReadOnlyList<string> Header, List<string?[]> Rows)> ReadParquetAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.DataFields;
        var rows = new List<string?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var columns = new string?[fields.Length][];
            for (var c = 0; c < fields.Length; c++)
            {
                if (fields[c].ClrType == typeof(int))
                {
                    var values = new int?[count];
                    await group.ReadAsync<int>(fields[c], values.AsMemory());
                    columns[c] = values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
                }
                else if (fields[c].ClrType == typeof(bool))
                {
                    var values = new bool?[count];
                    await group.ReadAsync<bool>(fields[c], values.AsMemory());
                    columns[c] = values.Select(v => v is null ? string.Empty : v.Value ? "true" : "false").ToArray();
                }
                else
                {
                    var values = new string?[count];
                    await group.ReadAsync(fields[c], values.AsMemory());
                    columns[c] = values.Select(v => v ?? string.Empty).ToArray();
                }
            }

            for (var r = 0; r < count; r++)
            {
                rows.Add(columns.Select(col => col[r]).ToArray());
            }
        }

        return (fields.Select(f => f.Name).ToList(), rows);
    }
}
