using Chorus.Core.Ingest;
using Chorus.Core.Outlets;

namespace Chorus.Cli;

/// <summary>Reads <c>--sources</c> and <c>--join</c> into read options; a bad file is a usage error naming file, line and field.</summary>
internal static class SourceOptions
{
    public static ReadOptions Read(ReadOptions options, string? sourcesFile, string? joinFile)
    {
        var sources = LoadSources(sourcesFile);
        RecordJoin? join = null;
        if (joinFile is not null)
        {
            var loaded = RecordJoin.Load(joinFile);
            join = loaded.Success ? loaded.Value : throw new UsageException($"--join {loaded.Error}");
        }

        return options with
        {
            SourcesFile = sourcesFile is null ? null : Path.GetFullPath(sourcesFile),
            JoinFile = joinFile is null ? null : Path.GetFullPath(joinFile),
            Outlets = sources is null ? null : new OutletDirectory(sources),
            Join = join,
        };
    }

    public static SourcesFile? LoadSources(string? sourcesFile)
    {
        if (sourcesFile is null)
        {
            return null;
        }

        var loaded = SourcesFile.Load(sourcesFile);
        return loaded.Success ? loaded.Value : throw new UsageException($"--sources {loaded.Error}");
    }
}
