using Chorus.Core.Stories;
using CsCheck;

namespace Chorus.Core.Tests.Stories;

public class TopSelectionTests
{
    private static int HeaviestFirst((string Key, double Weight) a, (string Key, double Weight) b)
        => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Key, b.Key);

    // Under a total order the kept items and their order are a full sort's first k, whatever the input's order, its ties
    // of weight or its length.
    [Fact]
    public void KeepFirst_EqualsTheFullSortsPrefix()
        => Gen.Int[0, 9].Array[0, 400].SelectMany(w => Gen.Int[0, w.Length + 2].Select(k => (w, k))).Sample(x =>
        {
            var items = x.w.Select((w, i) => (Key: "k" + ((i * 7919) % 1009).ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Weight: (double)w)).ToList();
            var expected = items.ToList();
            expected.Sort(HeaviestFirst);
            expected = expected.Take(x.k).ToList();
            TopSelection.KeepFirst(items, x.k, HeaviestFirst);
            Assert.Equal(expected, items.Take(x.k).ToList());
            Assert.Equal(Math.Min(x.k, x.w.Length), items.Count);
        });

    [Theory]
    [InlineData(new double[] { 3, 1, 2 }, 2, new[] { "a", "c" })]
    [InlineData(new double[] { 1, 1, 1, 1 }, 3, new[] { "a", "b", "c" })]
    [InlineData(new double[] { 5 }, 1, new[] { "a" })]
    public void KeepFirst_KeepsTheHeaviest_TiesByKey(double[] weights, int k, string[] kept)
    {
        var items = weights.Select((w, i) => (Key: ((char)('a' + i)).ToString(), Weight: w)).ToList();
        TopSelection.KeepFirst(items, k, HeaviestFirst);
        Assert.Equal(kept, items.Select(i => i.Key));
    }
}
