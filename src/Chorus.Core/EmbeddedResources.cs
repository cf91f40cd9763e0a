namespace Chorus.Core;

/// <summary>Reads the word lists and models shipped inside the Chorus.Core assembly.</summary>
internal static class EmbeddedResources
{
    public static IEnumerable<string> ReadLines(string name)
    {
        using var stream = typeof(EmbeddedResources).Assembly.GetManifestResourceStream("Chorus.Core.Resources." + name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing from the build");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
