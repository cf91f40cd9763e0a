namespace Chorus.Core;

/// <summary>Reads the word lists and models shipped inside the Chorus.Core assembly.</summary>
internal static class EmbeddedResources
{
    /// <summary>The lines of a resource; one named <c>*.gz</c> is decompressed.</summary>
    public static IEnumerable<string> ReadLines(string name)
    {
        using var stream = typeof(EmbeddedResources).Assembly.GetManifestResourceStream("Chorus.Core.Resources." + name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing from the build");
        using var text = name.EndsWith(".gz", StringComparison.Ordinal) ? new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(text);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>The entries of a list resource: its lines less blank ones and '#' comments.</summary>
    public static IEnumerable<string> ReadEntries(string name)
        => ReadLines(name).Where(static l => l.Length > 0 && l[0] != '#');
}
