namespace Chorus.Cli.Tests;

/// <summary>
/// Compares output with a committed golden file. Set CHORUS_UPDATE_GOLDEN=1 to rewrite the files after a
/// deliberate change, then review the diff like any other change.
/// </summary>
internal static class GoldenFile
{
    public static void Assert(string name, string actual)
    {
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "Chorus.Cli.Tests", "Golden", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("CHORUS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Xunit.Assert.True(File.Exists(path), $"golden file {name} is missing; run the tests once with CHORUS_UPDATE_GOLDEN=1");
        Xunit.Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
