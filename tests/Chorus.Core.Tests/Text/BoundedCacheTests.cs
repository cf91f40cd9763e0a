using Chorus.Core.Text;

namespace Chorus.Core.Tests.Text;

public class BoundedCacheTests
{
    [Fact]
    public void AFullCache_KeepsWhatItHolds_AndNothingNew()
    {
        var cache = new BoundedCache<string?>(2);
        cache.Add("seinstoring", "storing");
        cache.Add("bahnstreik", "streik");
        cache.Add("kabelstoring", "storing");
        Assert.True(cache.TryGetValue("seinstoring", out var head));
        Assert.Equal("storing", head);
        Assert.True(cache.TryGetValue("bahnstreik".AsSpan(), out _));
        Assert.False(cache.TryGetValue("kabelstoring", out _));
    }

    [Fact]
    public void AKeyAddedTwice_KeepsItsFirstValue_AndCountsOnce()
    {
        var cache = new BoundedCache<string?>(2);
        cache.Add("a", null);
        cache.Add("a", "x");
        cache.Add("b", "y");
        Assert.True(cache.TryGetValue("a", out var a));
        Assert.Null(a);
        Assert.True(cache.TryGetValue("b", out _));
    }

    [Fact]
    public void ManyThreadsAdding_NeverGoPastTheCapacity()
    {
        var cache = new BoundedCache<int>(1000);
        Parallel.For(0, 20_000, i => cache.Add("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i));
        var held = Enumerable.Range(0, 20_000).Count(i => cache.TryGetValue("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
        Assert.Equal(1000, held);
    }
}
