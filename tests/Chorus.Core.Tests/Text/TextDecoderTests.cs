using System.Text;
using Chorus.Core.Text;

namespace Chorus.Core.Tests.Text;

public class TextDecoderTests
{
    static TextDecoderTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static TheoryData<string, string> Encodings => new()
    {
        { "utf-8", "utf-8" },
        { "utf-8-bom", "utf-8-bom" },
        { "utf-16le-bom", "utf-16le" },
        { "utf-16be-bom", "utf-16be" },
        { "utf-16le", "utf-16le" },
        { "windows-1252", "windows-1252" },
        { "iso-8859-1", "windows-1252" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decode_SeedInEveryEncoding_ComesOutIdentical(string encoding, string detected)
    {
        var seed = File.ReadAllText(TestPaths.Seed000, Encoding.UTF8);
        // Windows-1252/Latin-1 cannot hold curly quotes; the seed 000 has none, so it round-trips exactly.
        var bytes = Encode(seed, encoding);
        var decoded = TextDecoder.Decode(bytes);
        Assert.NotNull(decoded);
        Assert.Equal(detected, decoded.Value.EncodingName);
        Assert.Equal(seed, decoded.Value.Text);
        Assert.Contains("Oekraïne", decoded.Value.Text, StringComparison.Ordinal);
        Assert.Contains("onderzeeërs", decoded.Value.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_FileClaimingNothingButHoldingWindows1252_GetsDutchDiacriticsRight()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("Café in Oekraïne, ruïne, coördinatie");
        Assert.Equal("Café in Oekraïne, ruïne, coördinatie", TextDecoder.Decode(bytes)!.Value.Text);
    }

    [Fact]
    public void Decode_BinaryInput_IsNull()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        Assert.Null(TextDecoder.Decode(bytes));
        Assert.Null(TextDecoder.Decode([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03]));
    }

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-16le" => Encoding.Unicode.GetBytes(text),
        "windows-1252" => Encoding.GetEncoding(1252).GetBytes(text),
        "iso-8859-1" => Encoding.Latin1.GetBytes(text),
        _ => throw new ArgumentException(encoding),
    };
}

public class TextNormalizerTests
{
    [Theory]
    [InlineData("a\r\nb\rc\n", "a\nb\nc\n")]
    [InlineData("Oekrai\u0308ne", "Oekraïne")]
    [InlineData("10\u00A0km", "10 km")]
    [InlineData("\uFEFFtekst  \t\nmeer", "tekst\nmeer")]
    [InlineData("nul\u0000byte", "nulbyte")]
    public void Normalize_GivesTheStoredForm(string input, string expected)
        => Assert.Equal(expected, TextNormalizer.Normalize(input));
}
