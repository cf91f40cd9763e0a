using Chorus.Storage.Queries;

namespace Chorus.Web;

/// <summary>The server's settings, bound from the "Chorus" configuration section (command line, environment, tests).</summary>
public sealed class ChorusWebOptions
{
    public const string Section = "Chorus";

    /// <summary>The store to serve: a SQLite file, or a PostgreSQL URI or connection string.</summary>
    public string Db { get; set; } = string.Empty;

    /// <summary>A file with one API key per line (blank lines and lines starting with # are ignored).</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>API keys separated by commas, usually from the CHORUS_API_KEYS environment variable.</summary>
    public string? ApiKeys { get; set; }

    /// <summary>A sources file (docs/monitoring.md) whose outlets name the outlets of posted articles.</summary>
    public string? SourcesFile { get; set; }

    /// <summary>When true, reading (pages and API) needs a key too.</summary>
    public bool Private { get; set; }

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>How long a read may take before it is cancelled and answered 503 (ingest has its own, longer limit).</summary>
    public double RequestSeconds { get; set; } = 30;

    /// <summary>How long one ingest request may take.</summary>
    public double IngestSeconds { get; set; } = 600;

    /// <summary>
    /// How many built story documents the server keeps in memory (0: none, every story page is built from its stored
    /// layers; `bench pages --cold` measures that).
    /// </summary>
    public int StoryDocuments { get; set; } = StoryDocumentCache.DefaultEntries;

    /// <summary>
    /// Serve the story documents the store keeps (built by <c>./chorus prepare</c> or a server) and keep each one built
    /// on a request; false builds every document asked for (`bench pages --cold`).
    /// </summary>
    public bool KeptDocuments { get; set; } = true;

    /// <summary>
    /// Build, in the background and one at a time, the document of every story that has none current
    /// (<c>./chorus serve</c> turns it on unless <c>--no-prepare</c>).
    /// </summary>
    public bool PrepareDocuments { get; set; }

    /// <summary>
    /// Read the store's story membership and make the search index's champion lists as the server starts
    /// (<see cref="ReadWarmer"/>), rather than on the first requests that need them; <c>/api/health</c> says when done.
    /// </summary>
    public bool WarmReads { get; set; } = true;
}
