using Chorus.Core.Stories;

namespace Chorus.Core.Tests.Stories;

public sealed class WeightListTests
{
    public static TheoryData<string[]> Orders => new()
    {
        Array.Empty<string>(),
        new[] { "brand" },
        new[] { "#c:fire", "#c:house", "#c:amsterdam", "#c:police" },
        new[] { "z", "a", "m", "b" },
    };

    /// <summary>Walks as the map it was made from does (the clusterer's sums depend on the order), and finds what it holds.</summary>
    [Theory]
    [MemberData(nameof(Orders))]
    public void KeepsTheOrder_AndFindsEveryKey(string[] keys)
    {
        var source = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            source[keys[i]] = i + 0.5f;
        }

        var list = new WeightList(source);

        Assert.Equal(source.ToList(), list.ToList());
        Assert.Equal(source.Keys, list.Keys);
        Assert.Equal(source.Values, list.Values);
        Assert.Equal(keys.Length, list.Count);
        foreach (var (key, weight) in source)
        {
            Assert.True(list.TryGetValue(key, out var found));
            Assert.Equal(weight, found);
            Assert.Equal(weight, list[key]);
            Assert.True(list.ContainsKey(key));
        }

        Assert.False(list.ContainsKey("absent"));
        Assert.False(list.TryGetValue("absent", out _));
        Assert.Throws<KeyNotFoundException>(() => list["absent"]);
    }
}
