namespace Chorus.Benchmarks;

/// <summary>Finds the benchmark inputs (../shared/data, samples/) from wherever BenchmarkDotNet runs the build.</summary>
internal static class BenchmarkData
{
    public static string? FindUp(string relative, bool directory = false)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (directory ? Directory.Exists(candidate) : File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
