namespace Chorus.Tests;

/// <summary>Locates the repository (for samples/) and the shared data beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Samples => Path.Combine(RepoRoot, "samples");

    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string Seed000 => Path.Combine(Samples, "000_aac5f5d0c02a0b02.txt");

    public static string Seed002 => Path.Combine(Samples, "002_79b112c5e57ff094.txt");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chorus.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Chorus.slnx) above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs a data set from ../shared/data; skipped with a clear message when it is absent.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath) => Skip = SharedDataSkip.Unless(relativePath);
}

/// <summary>A theory that needs a data set from ../shared/data; skipped with a clear message when it is absent.</summary>
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(string relativePath) => Skip = SharedDataSkip.Unless(relativePath);
}

internal static class SharedDataSkip
{
    /// <summary>The reason to skip a test that needs ../shared/data/<paramref name="relativePath"/>; null when it is there.</summary>
    public static string? Unless(string relativePath)
    {
        var full = Path.Combine(TestPaths.SharedData, relativePath);
        return File.Exists(full) || Directory.Exists(full) ? null : $"needs ../shared/data/{relativePath}, which is not present";
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chorus-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content)
    {
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    public string Bytes(string name, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow filesystem; the OS temp cleaner will get it.
        }
    }
}
