using System.Text;

namespace Chorus.Core.Text;

/// <summary>The decoded text of a byte input and the encoding that was detected for it.</summary>
public readonly record struct DecodedText(string Text, string EncodingName);

/// <summary>
/// Turns bytes into text without assuming an encoding: a byte-order mark wins; then the NUL-byte pattern of
/// BOM-less UTF-16; then strict UTF-8; and only when UTF-8 is impossible, the single-byte encoding the file
/// declares (an HTML <c>meta charset</c> or an XML declaration: ISO-8859-15, Windows-1252…), else Windows-1252
/// (a superset of Latin-1 for printable text, and what Dutch files from older Windows tools use for ë, ï and é).
/// Valid UTF-8 wins over a declaration because a file that decodes as UTF-8 with accented letters is UTF-8 far
/// more often than it is a mislabelled Latin file; a file that claims UTF-8 but is not falls back the same way.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Decodes <paramref name="bytes"/>; returns null when the input looks binary rather than text.</summary>
    public static DecodedText? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Finish(Encoding.UTF8.GetString(bytes[3..]), "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Finish(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Finish(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        }

        if (LooksLikeUtf16WithoutBom(bytes, out var bigEndian))
        {
            var enc = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
            return Finish(enc.GetString(bytes), bigEndian ? "utf-16be" : "utf-16le");
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            return null;
        }

        try
        {
            return Finish(StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            var (encoding, name) = DeclaredSingleByte(bytes) ?? (Windows1252, "windows-1252");
            return Finish(encoding.GetString(bytes), name);
        }
    }

    /// <summary>The single-byte encoding named in the first 2 KB (meta charset, http-equiv, XML declaration), as browsers map it.</summary>
    private static (Encoding Encoding, string Name)? DeclaredSingleByte(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var m = System.Text.RegularExpressions.Regex.Match(head, @"(?:charset|encoding)\s*=\s*[""']?([A-Za-z0-9_:.-]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (!m.Success)
        {
            return null;
        }

        // The WHATWG Encoding Standard reads Latin-1 and ASCII labels as Windows-1252.
        return m.Groups[1].Value.ToLowerInvariant() switch
        {
            "iso-8859-15" or "iso8859-15" or "latin-9" or "latin9" or "l9" => (Encoding.GetEncoding(28605), "iso-8859-15"),
            "iso-8859-2" or "latin2" => (Encoding.GetEncoding(28592), "iso-8859-2"),
            "windows-1250" => (Encoding.GetEncoding(1250), "windows-1250"),
            "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "windows-1252" or "cp1252" => (Windows1252, "windows-1252"),
            _ => null,
        };
    }

    private static DecodedText? Finish(string text, string encoding)
        => LooksBinary(text) ? null : new DecodedText(text, encoding);

    // Text in any language has few control characters; executables, images and archives have many.
    private static bool LooksBinary(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        return control * 20 > sample.Length;
    }

    // ASCII-heavy UTF-16 without a BOM has a zero in every other byte.
    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var n = Math.Min(bytes.Length, 4096) & ~1;
        if (n < 4)
        {
            return false;
        }

        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0)
            {
                zeroEven++;
            }

            if (bytes[i + 1] == 0)
            {
                zeroOdd++;
            }
        }

        var pairs = n / 2;
        if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05)
        {
            return true;
        }

        if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }
}
