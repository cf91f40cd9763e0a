using Chorus.Storage.Queries;

namespace Chorus.Monitoring.Export;

/// <summary>Streams an export table from the store into a writer: rows are read a page at a time and written as they come.</summary>
public static class Exporter
{
    public static async Task<long> ExportAsync(ChorusQueries queries, ExportRequest request, ExportFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var writer = ExportWriter.Create(format, ExportSchema.Columns(request.Table), output);
        await using (writer.ConfigureAwait(false))
        {
            await foreach (var row in ExportRows.ReadAsync(queries, request, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(row, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            return writer.Rows;
        }
    }
}
