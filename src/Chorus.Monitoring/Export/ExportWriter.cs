using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Parquet;
using Parquet.Schema;

namespace Chorus.Monitoring.Export;

/// <summary>Writes rows of one export table to a stream in one format, a row at a time (Parquet: a row group at a time).</summary>
public abstract class ExportWriter : IAsyncDisposable
{
    protected ExportWriter(IReadOnlyList<ExportColumn> columns) => Columns = columns;

    protected IReadOnlyList<ExportColumn> Columns { get; }

    public long Rows { get; private set; }

    public static ExportWriter Create(ExportFormat format, IReadOnlyList<ExportColumn> columns, Stream output) => format switch
    {
        ExportFormat.Jsonl => new JsonlExportWriter(columns, output),
        ExportFormat.Csv => new CsvExportWriter(columns, output),
        _ => new ParquetExportWriter(columns, output),
    };

    public async Task WriteAsync(object?[] row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        await WriteRowAsync(row, cancellationToken).ConfigureAwait(false);
        Rows++;
    }

    protected abstract Task WriteRowAsync(object?[] row, CancellationToken cancellationToken);

    /// <summary>Writes what is buffered and the format's ending (Parquet's footer).</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();
}

/// <summary>One JSON object per line, keys as the column names; empty cells are null.</summary>
internal sealed class JsonlExportWriter(IReadOnlyList<ExportColumn> columns, Stream output) : ExportWriter(columns)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

    protected override async Task WriteRowAsync(object?[] row, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        for (var i = 0; i < Columns.Count; i++)
        {
            _json.WritePropertyName(Columns[i].Name);
            switch (row[i])
            {
                case null:
                    _json.WriteNullValue();
                    break;
                case int n:
                    _json.WriteNumberValue(n);
                    break;
                case bool b:
                    _json.WriteBooleanValue(b);
                    break;
                default:
                    _json.WriteStringValue(Convert.ToString(row[i], CultureInfo.InvariantCulture));
                    break;
            }
        }

        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken).ConfigureAwait(false);
        _json.Reset();
        await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken = default) => await output.FlushAsync(cancellationToken).ConfigureAwait(false);

    public override ValueTask DisposeAsync() => _json.DisposeAsync();
}

/// <summary>RFC 4180 CSV with a header row (CsvHelper), LF line ends; booleans as true/false, empty cells for nulls.</summary>
internal sealed class CsvExportWriter : ExportWriter
{
    private readonly CsvWriter _csv;
    private bool _header;

    public CsvExportWriter(IReadOnlyList<ExportColumn> columns, Stream output)
        : base(columns)
        => _csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);

    protected override async Task WriteRowAsync(object?[] row, CancellationToken cancellationToken)
    {
        if (!_header)
        {
            await WriteHeaderAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var cell in row)
        {
            _csv.WriteField(cell switch
            {
                null => string.Empty,
                bool b => b ? "true" : "false",
                _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
            });
        }

        await _csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteHeaderAsync(CancellationToken cancellationToken)
    {
        foreach (var column in Columns)
        {
            _csv.WriteField(column.Name);
        }

        await _csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        _header = true;
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (!_header)
        {
            // An empty table still says what its columns are.
            await WriteHeaderAsync(cancellationToken).ConfigureAwait(false);
        }

        await _csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask DisposeAsync() => _csv.DisposeAsync();
}

/// <summary>
/// Apache Parquet (Parquet.Net): columns typed as the schema says (text as UTF-8 strings, counts as 32-bit integers),
/// written a row group of <see cref="RowGroupRows"/> rows at a time, so that memory holds one group, never the table.
/// The output must be seekable only for reading back; writing streams forward.
/// </summary>
internal sealed class ParquetExportWriter : ExportWriter
{
    internal const int RowGroupRows = 20_000;
    private readonly Stream _output;
    private readonly ParquetSchema _schema;
    private readonly DataField[] _fields;
    private readonly List<object?[]> _buffer = new(RowGroupRows);
    private ParquetWriter? _writer;

    public ParquetExportWriter(IReadOnlyList<ExportColumn> columns, Stream output)
        : base(columns)
    {
        // Parquet.Net flushes synchronously between pages; an HTTP response allows only asynchronous writes.
        _output = output.CanSeek ? output : new AsyncFlushStream(output);
        _fields = columns.Select(c => c.Type switch
        {
            ColumnType.Integer => (DataField)new DataField<int?>(c.Name),
            ColumnType.Boolean => new DataField<bool?>(c.Name),
            _ => new DataField<string>(c.Name, nullable: true),
        }).ToArray();
        _schema = new ParquetSchema(_fields);
    }

    protected override async Task WriteRowAsync(object?[] row, CancellationToken cancellationToken)
    {
        _buffer.Add(row);
        if (_buffer.Count >= RowGroupRows)
        {
            await FlushGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FlushGroupAsync(CancellationToken cancellationToken)
    {
        _writer ??= await ParquetWriter.CreateAsync(_schema, _output, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (_buffer.Count == 0)
        {
            return;
        }

        using var group = _writer.CreateRowGroup();
        for (var c = 0; c < _fields.Length; c++)
        {
            var column = c;
            switch (Columns[c].Type)
            {
                case ColumnType.Integer:
                    await group.WriteAsync<int>(_fields[c], _buffer.Select(r => r[column] is null ? (int?)null : Convert.ToInt32(r[column], CultureInfo.InvariantCulture)).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case ColumnType.Boolean:
                    await group.WriteAsync<bool>(_fields[c], _buffer.Select(r => r[column] as bool?).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await group.WriteAsync(_fields[c], _buffer.Select(r => r[column] is null ? null : Convert.ToString(r[column], CultureInfo.InvariantCulture)).ToArray()).ConfigureAwait(false);
                    break;
            }
        }

        _buffer.Clear();
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        await FlushGroupAsync(cancellationToken).ConfigureAwait(false);
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }

        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }
    }
}

/// <summary>A forward-only stream whose synchronous Flush is a no-op (the data is flushed by FlushAsync and at the end).</summary>
internal sealed class AsyncFlushStream(Stream inner) : Stream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
