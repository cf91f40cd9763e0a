using Chorus.Core.Analysis;
using Chorus.Core.Time;
using Chorus.Monitoring.Export;
using Chorus.Storage;
using Chorus.Storage.Queries;

namespace Chorus.Cli.Commands;

internal static class ExportCommand
{
    public static ExportTable ParseTable(string name)
        => ExportSchema.ParseTable(name) ?? throw new UsageException($"export {name}: use stories, articles, entities, claims or conflicts");

    public static ExportFormat ParseFormat(string name)
        => ExportSchema.ParseFormat(name) ?? throw new UsageException($"--format {name}: use jsonl, csv or parquet");

    /// <summary>
    /// Writes the table to <paramref name="output"/> (a file, written whole under a temporary name and then renamed, so
    /// an interrupted export never leaves half a file) or to stdout.
    /// </summary>
    public static async Task<int> RunAsync(CliContext ctx, string dbPath, string tableName, string formatName, PartialDate? since, string? story, string? output, bool schema, CancellationToken ct)
    {
        var table = ParseTable(tableName);
        var format = ParseFormat(formatName);
        if (schema)
        {
            foreach (var column in ExportSchema.Columns(table))
            {
                await ctx.Stdout.WriteLineAsync($"{column.Name}\t{column.Type.ToString().ToLowerInvariant()}\t{column.Description}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        if (format == ExportFormat.Parquet && output is null)
        {
            throw new UsageException("--format parquet: give --out FILE (Parquet is a binary file, not for a terminal)");
        }

        await using var workspace = await ChorusWorkspace.OpenAsync(dbPath, ct).ConfigureAwait(false);
        var queries = new ChorusQueries(workspace);
        if (story is not null && await workspace.Store.FindStoryAsync(story, ct).ConfigureAwait(false) is null)
        {
            throw new UsageException($"--story {story}: no such story in {workspace.Store.Location}");
        }

        if (table == ExportTable.Articles && await workspace.Store.CountArticlesToAnalyseAsync(ArticleAnalyzer.Version, everything: false, ct).ConfigureAwait(false) is > 0 and var older)
        {
            await ctx.Stderr.WriteLineAsync($"note: {older:N0} articles of this store carry annotation layers of an older analyser than this one (version {ArticleAnalyzer.Version}); their figures and word counts are exported as stored. ./chorus reanalyse brings them up to date.").ConfigureAwait(false);
        }

        var request = new ExportRequest(table, since, story);
        long rows;
        if (output is null)
        {
            var stdout = Console.OpenStandardOutput();
            await using (stdout.ConfigureAwait(false))
            {
                await ctx.Stdout.FlushAsync(ct).ConfigureAwait(false);
                rows = await Exporter.ExportAsync(queries, request, format, ctx.Stdout == Console.Out ? stdout : new TextWriterStream(ctx.Stdout), ct).ConfigureAwait(false);
            }
        }
        else
        {
            var full = Path.GetFullPath(output);
            var temporary = full + ".part-" + Environment.ProcessId;
            try
            {
                var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await using (file.ConfigureAwait(false))
                {
                    rows = await Exporter.ExportAsync(queries, request, format, file, ct).ConfigureAwait(false);
                }

                File.Move(temporary, full, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
            {
                throw new UsageException($"--out {output}: cannot write: {e.Message}");
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        await ctx.Stderr.WriteLineAsync($"exported {rows:N0} {tableName} rows as {format.ToString().ToLowerInvariant()}{(output is null ? string.Empty : " to " + output)}").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Bytes written as UTF-8 text to a TextWriter (tests run the CLI with captured writers, not the process's stdout).</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly System.Text.Decoder _decoder = System.Text.Encoding.UTF8.GetDecoder();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            var chars = new char[_decoder.GetCharCount(buffer, offset, count)];
            _decoder.GetChars(buffer, offset, count, chars, 0);
            writer.Write(chars);
        }
    }
}
