namespace Chorus.Core.Extraction.Ner;

/// <summary>
/// Finds the shipped Dutch model: <c>$CHORUS_NER_MODEL</c>, else <c>models/nl-ner.bin</c> beside the running
/// binary (the build copies it there), else in a <c>models/</c> folder above it (running from a checkout).
/// </summary>
public static class NerModelLocator
{
    public const string FileName = "nl-ner.bin";

    public static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CHORUS_NER_MODEL");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return File.Exists(fromEnv) ? fromEnv : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
