using Chorus.Cli.Commands;

namespace Chorus.Cli.Tests;

public sealed class GcCollectionsTests
{
    /// <summary>The runtime counts a collection under every generation it reached; the bench reports it under the oldest.</summary>
    [Theory]
    [InlineData(10, 4, 1, 15, 6, 2, 3, 1, 1)]
    [InlineData(10, 4, 1, 17, 11, 1, 0, 7, 0)]
    [InlineData(0, 0, 0, 5, 0, 0, 5, 0, 0)]
    [InlineData(3, 3, 3, 4, 4, 4, 0, 0, 1)]
    public void Since_CountsEachCollectionUnderTheOldestGenerationItReached(int start0, int start1, int start2, int now0, int now1, int now2, int gen0, int gen1, int gen2)
        => Assert.Equal(new BenchCommand.GcCollections(gen0, gen1, gen2), new BenchCommand.GcCollections(now0, now1, now2).Since(new(start0, start1, start2)));
}
