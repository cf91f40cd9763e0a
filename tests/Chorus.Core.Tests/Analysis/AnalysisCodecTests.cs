using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Time;
using CsCheck;

namespace Chorus.Core.Tests.Analysis;

public class AnalysisCodecTests
{
    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    private static void AssertSameLayers(AnalyzedArticle expected, AnalyzedArticle actual)
    {
        Assert.Equal(expected.Lang, actual.Lang);
        Assert.Equal(expected.LangConfidence, actual.LangConfidence);
        Assert.Equal(expected.Sentences, actual.Sentences);
        Assert.Equal(expected.Tokens, actual.Tokens);
        Assert.Equal(expected.Stems, actual.Stems);
        Assert.Equal(expected.Names, actual.Names);
        Assert.Equal(expected.Entities, actual.Entities);
        Assert.Equal(expected.EntityGroups.Select(g => (g.Type, g.Canonical, string.Join(",", g.Surfaces.OrderBy(kv => kv.Key, StringComparer.Ordinal)))),
            actual.EntityGroups.Select(g => (g.Type, g.Canonical, string.Join(",", g.Surfaces.OrderBy(kv => kv.Key, StringComparer.Ordinal)))));
        Assert.Equal(expected.Times, actual.Times);
        Assert.Equal(expected.Times.Select(t => (t.Days, t.Clock)), actual.Times.Select(t => (t.Days, t.Clock)));
        Assert.Equal(expected.Quantities, actual.Quantities);
        Assert.Equal(expected.Quotes, actual.Quotes);
        Assert.Equal(expected.TitleStems, actual.TitleStems);
        Assert.Equal(expected.TitleNames, actual.TitleNames);
    }

    [Fact]
    public void SeedLayers_RoundTrip()
    {
        foreach (var path in new[] { TestPaths.Seed000, TestPaths.Seed002 })
        {
            var raw = SeedTextReader.Read(File.ReadAllText(path), path, null).Article!;
            var analyzed = Analyzer.Analyze(raw);
            AssertSameLayers(analyzed, AnalysisCodec.Decode(AnalysisCodec.Encode(analyzed), raw)!);
        }
    }

    [Fact]
    public void Encoding_DependsOnTheLayersAlone_NotOnWhatTheThreadEncodedBefore()
    {
        // Encoding reuses buffers per thread: a long article, then a short one, then the long one again gives the
        // long one's bytes both times, on this thread and on others at once.
        var seed = SeedTextReader.Read(File.ReadAllText(TestPaths.Seed000), TestPaths.Seed000, null).Article!;
        var longRaw = seed with { Text = string.Join("\n\n", Enumerable.Repeat(seed.Text, 12)) };
        var shortRaw = seed with { Text = "Kort bericht uit Rotterdam." };
        var (longOne, shortOne) = (Analyzer.Analyze(longRaw), Analyzer.Analyze(shortRaw));
        var first = AnalysisCodec.Encode(longOne);
        var shortBytes = AnalysisCodec.Encode(shortOne);
        Assert.Equal(first, AnalysisCodec.Encode(longOne));
        AssertSameLayers(shortOne, AnalysisCodec.Decode(shortBytes, shortRaw)!);
        AssertSameLayers(longOne, AnalysisCodec.Decode(first, longRaw)!);
        var together = new byte[8][];
        Parallel.For(0, together.Length, i => together[i] = AnalysisCodec.Encode(i % 2 == 0 ? longOne : shortOne));
        Assert.All(together.Where((_, i) => i % 2 == 0), bytes => Assert.Equal(first, bytes));
        Assert.All(together.Where((_, i) => i % 2 == 1), bytes => Assert.Equal(shortBytes, bytes));
    }

    // Layers JSON that says null where a list, an item or a name belongs (a damaged or foreign blob) is not readable:
    // the caller analyses again; reading it never throws.
    [Theory]
    [InlineData("{\"Stems\":null}", false)]
    [InlineData("{\"Lang\":null}", false)]
    [InlineData("{\"Names\":null}", false)]
    [InlineData("{\"Names\":[null]}", false)]
    [InlineData("{\"Names\":[{\"Start\":0,\"End\":2,\"Key\":null}]}", false)]
    [InlineData("{\"Entities\":[{\"Start\":0,\"End\":2,\"Type\":null,\"Method\":\"tagger\",\"Kind\":\"name\",\"Group\":0}],\"Groups\":[{\"Type\":\"PER\",\"Canonical\":\"Jo\",\"Surfaces\":{}}]}", false)]
    [InlineData("{\"Groups\":[{\"Type\":\"PER\",\"Canonical\":null,\"Surfaces\":null}]}", false)]
    [InlineData("{\"Times\":[null]}", false)]
    [InlineData("{\"Times\":[{\"Start\":0,\"End\":2,\"Value\":null,\"Kind\":null,\"Mod\":null}]}", false)]
    [InlineData("{\"Quantities\":[null]}", false)]
    [InlineData("{\"Quotes\":[null]}", false)]
    [InlineData("{\"TitleStems\":null}", false)]
    [InlineData("{\"TitleNames\":[null]}", false)]
    // Words without a stem are layers as the analyser writes them (punctuation has none).
    [InlineData("{\"Stems\":[null,null],\"Tokens\":[0,1,0,2,3,0]}", true)]
    public void LayersWithNulls_DecodeToNull_ExceptWhereNullIsAValue(string json, bool readable)
    {
        var raw = new RawArticle { Ref = "t", Text = "Jo en Ed." };
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(json));
        }

        Assert.Equal(readable, AnalysisCodec.Decode(buffer.ToArray(), raw) is not null);
    }

    [Fact]
    public void AnyText_RoundTrips()
    {
        string[] vocabulary = ["De", "brand", "in", "Rotterdam", "geëvacueerd", "Straße", "İstanbul", "ÉÉN", "Brandweerlieden", "dinsdag", "om", "15.00", "uur", "ruim", "200", "mensen", "\"Het", "is", "erg\",", "zei", "Jan", "Jansen.", "Poetin", "sprak", "12", "maart", "2024", "€", "3,5", "miljoen", "\n\n", "Die", "Feuerwehr", "war", "da."];
        Gen.Int[0, vocabulary.Length - 1].Array[1, 60].Sample(picks =>
        {
            var raw = new RawArticle { Ref = "gen", Text = string.Join(' ', picks.Select(i => vocabulary[i])), Date = PartialDate.Parse("2024-03-12").Value, Title = "Brand in Rotterdam" };
            var analyzed = Analyzer.Analyze(raw);
            AssertSameLayers(analyzed, AnalysisCodec.Decode(AnalysisCodec.Encode(analyzed), raw)!);
        }, iter: 200);
    }

    [Fact]
    public void DamagedOrForeignLayers_DecodeToNull_NeverToWrongOffsets()
    {
        var raw = new RawArticle { Ref = "a", Text = "De brand in Rotterdam woedde dinsdag de hele nacht.", Date = PartialDate.Parse("2024-03-12").Value };
        var layers = AnalysisCodec.Encode(Analyzer.Analyze(raw));
        Assert.Null(AnalysisCodec.Decode([1, 2, 3], raw));
        Assert.Null(AnalysisCodec.Decode(layers[..(layers.Length / 2)], raw));
        Assert.Null(AnalysisCodec.Decode(layers, raw with { Text = "Kort." }));
        Assert.NotNull(AnalysisCodec.Decode(layers, raw));
    }

    // Stores written before the binary record hold gzipped JSON layers (this one the seed article's, as analyser 109
    // stored it): they are still read, and read again after writing them in the binary form.
    [Fact]
    public void GzippedJsonLayers_StoredBefore_AreStillRead()
    {
        var raw = SeedTextReader.Read(File.ReadAllText(TestPaths.Seed000), TestPaths.Seed000, null).Article!;
        var legacy = LegacyLayers();
        Assert.Equal(0x1F, legacy[0]);
        var read = AnalysisCodec.Decode(legacy, raw);
        Assert.NotNull(read);
        Assert.NotEmpty(read.Entities);
        Assert.NotEmpty(read.Times);
        Assert.Contains(read.Stems, s => s is not null);
        var binary = AnalysisCodec.Encode(read);
        Assert.Equal(AnalysisCodec.Format, binary[0]);
        AssertSameLayers(read, AnalysisCodec.Decode(binary, raw)!);
        Assert.True(binary.Length < legacy.Length, $"binary {binary.Length} bytes against gzipped JSON {legacy.Length}");
    }

    private static byte[] LegacyLayers()
        => Convert.FromBase64String(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Analysis", "Fixtures", "seed000-layers-gzip-json.b64")).Replace("\n", string.Empty, StringComparison.Ordinal));

    [Fact]
    public void AnyBytes_DecodeWithoutThrowing()
    {
        var raw = SeedTextReader.Read(File.ReadAllText(TestPaths.Seed000), TestPaths.Seed000, null).Article!;
        var layers = AnalysisCodec.Encode(Analyzer.Analyze(raw));
        using var plain = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(LegacyLayers()), System.IO.Compression.CompressionMode.Decompress))
        {
            gzip.CopyTo(plain);
        }

        var json = plain.ToArray();
        Gen.Byte.Array[0, 300].Sample(bytes => _ = AnalysisCodec.Decode(bytes, raw), iter: 500);
        Gen.Byte.Array[0, 300].Sample(bytes => _ = AnalysisCodec.Decode([AnalysisCodec.Format, .. bytes], raw), iter: 500);

        // The binary record changed at one byte or cut short: read as layers whose offsets fit the text, or not at all.
        Gen.Int[1, layers.Length - 1].Select(Gen.Byte, Gen.Int[1, layers.Length]).Sample((at, b, cut) =>
        {
            var damaged = (byte[])layers.Clone();
            damaged[at] = b;
            if (AnalysisCodec.Decode(damaged[..cut], raw) is { } decoded)
            {
                Assert.All(decoded.Tokens, t => Assert.InRange(t.End, t.Start, raw.Text.Length));
                Assert.All(decoded.Entities, e => Assert.InRange(e.End, e.Start, raw.Text.Length));
            }
        }, iter: 3000);

        // Damaged JSON inside a valid gzip stream: offsets out of range, wrong types, cut short.
        Gen.Int[0, json.Length - 1].Select(Gen.Byte, Gen.Int[0, json.Length]).Sample((at, b, cut) =>
        {
            var damaged = (byte[])json.Clone();
            damaged[at] = b;
            using var packed = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(damaged, 0, cut);
            }

            if (AnalysisCodec.Decode(packed.ToArray(), raw) is { } decoded)
            {
                Assert.All(decoded.Tokens, t => Assert.InRange(t.End, t.Start, raw.Text.Length));
            }
        }, iter: 2000);
    }
}
