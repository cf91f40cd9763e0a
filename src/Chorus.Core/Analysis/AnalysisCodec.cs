using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chorus.Core.Entities;
using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Extraction.Quotes;
using Chorus.Core.Extraction.Times;
using Chorus.Core.Ingest;
using Chorus.Core.Store;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Analysis;

/// <summary>
/// Writes an article's annotation layers for the store and reads them back, so that reading an article or a story
/// never runs the analyser. A layer set carries the analyser version it was made with (<see cref="ArticleAnalyzer.Version"/>);
/// <c>./chorus reanalyse</c> rewrites those of older versions.
/// </summary>
/// <remarks>
/// The layers are a compact binary record (<see cref="CompactWriter"/>; first byte <see cref="Format"/>): offsets as
/// gaps from the span before, each word's stem as the characters it shares with the lower-cased word and the rest,
/// strings a record repeats (type codes, units, speakers, stem endings) once. As gzipped JSON (the layers' earlier
/// form) encoding took 6 % of the analysis threads' time on DPG and the layers 5.7 KB an article; the record takes 4 %
/// and 2.7 KB. Layers stored as gzipped JSON are still read.
/// </remarks>
public static class AnalysisCodec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Encode(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        // The offsets are gathered in pooled arrays and the record written by a writer each thread keeps: copies made
        // only to be written were most of what encoding allocated.
        var sentences = Flat(article.Sentences, 2, static (s, into) => (into[0], into[1]) = (s.Start, s.End));
        var tokens = Flat(article.Tokens, 3, static (t, into) => (into[0], into[1], into[2]) = (t.Start, t.End, (int)t.Kind));
        try
        {
            var layers = new Layers
            {
                Lang = article.Lang,
                LangConfidence = article.LangConfidence,
                Sentences = sentences.Written,
                Tokens = tokens.Written,
                Stems = article.Stems,
                Names = article.Names.Select(n => new NameLayer(n.Start, n.End, n.Key)).ToArray(),
                Entities = article.Entities.Select(e => new EntityLayer(e.Start, e.End, e.Type.Code(), MentionNames.Of(e.Method), MentionNames.Of(e.Kind), e.Group)).ToArray(),
                Groups = article.EntityGroups.Select(g => new GroupLayer(g.Type.Code(), g.Canonical, g.Surfaces)).ToArray(),
                Times = article.Times.Select(t => new TimeLayer(t.Start, t.End, t.Value, t.Kind.Name(), t.Mod)).ToArray(),
                Quantities = article.Quantities.Select(q => new QuantityLayer(q.Start, q.End, q.Value, q.Unit, q.Min, q.Max, q.Approximate, q.Qualifier.Name())).ToArray(),
                Quotes = article.Quotes.Select(q => new QuoteLayer(q.Start, q.End, q.Speaker, q.SpeakerStart, q.SpeakerEnd, q.Cue, q.Anonymous)).ToArray(),
                TitleStems = article.TitleStems,
                TitleNames = article.TitleNames,
            };
            return WriteBinary(layers, article.Raw.Text);
        }
        finally
        {
            sentences.Return();
            tokens.Return();
        }
    }

    /// <summary>The first byte of every binary layer record (a gzip stream, the earlier form, starts with 0x1F).</summary>
    public const byte Format = 2;

    /// <summary>
    /// The stored layers over <paramref name="raw"/>; null when they cannot be read or do not fit the text (a layer
    /// from another text, a damaged blob), so the caller analyses again instead of showing wrong offsets.
    /// </summary>
    public static AnalyzedArticle? Decode(byte[] data, RawArticle raw)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(raw);
        Layers? layers;
        try
        {
            if (data.Length > 0 && data[0] == Format)
            {
                layers = ReadBinary(data, raw.Text);
            }
            else
            {
                using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
                layers = JsonSerializer.Deserialize<Layers>(gzip, Options);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or IOException)
        {
            return null;
        }

        var length = raw.Text.Length;
        if (layers is null || !Complete(layers) || layers.Sentences.Length % 2 != 0 || layers.Tokens.Length % 3 != 0 || layers.Stems.Count != layers.Tokens.Length / 3)
        {
            return null;
        }

        bool Fits(int start, int end) => start >= 0 && start <= end && end <= length;
        var sentenceOffsets = layers.Sentences.Span;
        var sentences = new List<TextSpan>(sentenceOffsets.Length / 2);
        for (var i = 0; i < sentenceOffsets.Length; i += 2)
        {
            sentences.Add(new TextSpan(sentenceOffsets[i], sentenceOffsets[i + 1]));
        }

        var tokenOffsets = layers.Tokens.Span;
        var tokens = new List<Token>(tokenOffsets.Length / 3);
        for (var i = 0; i < tokenOffsets.Length; i += 3)
        {
            tokens.Add(new Token(tokenOffsets[i], tokenOffsets[i + 1], (TokenKind)tokenOffsets[i + 2]));
        }

        var times = new List<TimeMention>(layers.Times.Length);
        foreach (var t in layers.Times)
        {
            if (!TimeKinds.TryParse(t.Kind, out var kind))
            {
                return null;
            }

            times.Add(TimeMention.Create(t.Start, t.End, t.Value, kind, t.Mod));
        }

        var quantities = new List<QuantityMention>(layers.Quantities.Length);
        foreach (var q in layers.Quantities)
        {
            quantities.Add(new QuantityMention(q.Start, q.End, q.Value, q.Unit, q.Min, q.Max, q.Approximate, FigureQualifiers.Parse(q.Qualifier)));
        }

        if (!sentences.All(s => Fits(s.Start, s.End)) || !tokens.All(t => Fits(t.Start, t.End))
            || !layers.Names.All(n => Fits(n.Start, n.End)) || !layers.Entities.All(e => Fits(e.Start, e.End) && e.Group < layers.Groups.Length)
            || !times.All(t => Fits(t.Start, t.End)) || !quantities.All(q => Fits(q.Start, q.End)) || !layers.Quotes.All(q => Fits(q.Start, q.End)))
        {
            return null;
        }

        // A type, method or kind this version does not know (layers of a newer analyser): not readable here.
        var entities = new List<EntityMention>(layers.Entities.Length);
        foreach (var e in layers.Entities)
        {
            if (!EntityTypes.TryParse(e.Type, out var type) || !MentionNames.TryParse(e.Method, out MentionMethod method) || !MentionNames.TryParse(e.Kind, out MentionKind kind))
            {
                return null;
            }

            entities.Add(new EntityMention(e.Start, e.End, type, method, kind, e.Group));
        }

        var groups = new List<LocalEntity>(layers.Groups.Length);
        foreach (var g in layers.Groups)
        {
            if (!EntityTypes.TryParse(g.Type, out var type))
            {
                return null;
            }

            groups.Add(new LocalEntity(type, g.Canonical, g.Surfaces));
        }

        return new AnalyzedArticle
        {
            Raw = raw,
            Lang = layers.Lang,
            LangConfidence = layers.LangConfidence,
            Sentences = sentences,
            Tokens = tokens,
            Stems = layers.Stems,
            Names = layers.Names.Select(n => new NameMention(n.Start, n.End, n.Key)).ToList(),
            Entities = entities,
            EntityGroups = groups,
            Times = times,
            Quantities = quantities,
            Quotes = layers.Quotes.Select(q => new QuoteMention(q.Start, q.End, q.Speaker, q.SpeakerStart, q.SpeakerEnd, q.Cue, q.Anonymous)).ToList(),
            TitleStems = layers.TitleStems,
            TitleNames = layers.TitleNames,
        };
    }

    // Each analysis thread keeps its writer: its buffer and table of strings serve article after article.
    [ThreadStatic]
    private static CompactWriter? t_writer;

    private static byte[] WriteBinary(Layers layers, string text)
    {
        var w = t_writer ??= new CompactWriter(16 * 1024);
        w.Reset();
        w.Byte(Format);
        w.Shared(layers.Lang);
        w.Double(layers.LangConfidence);
        var sentences = layers.Sentences.Span;
        w.Count(sentences.Length / 2);
        var end = 0;
        for (var i = 0; i < sentences.Length; i += 2)
        {
            w.Signed(sentences[i] - end);
            w.Signed(sentences[i + 1] - sentences[i]);
            end = sentences[i + 1];
        }

        var tokens = layers.Tokens.Span;
        w.Count(tokens.Length / 3);
        end = 0;
        for (var i = 0; i < tokens.Length; i += 3)
        {
            w.Signed(tokens[i] - end);
            w.Signed(tokens[i + 1] - tokens[i]);
            w.Count(tokens[i + 2]);
            end = tokens[i + 1];
        }

        // One stem per token: none (0), or 1 + the characters it shares with its word lower-cased, then the rest.
        for (var i = 0; i < layers.Stems.Count; i++)
        {
            if (layers.Stems[i] is not { } stem)
            {
                w.Count(0);
                continue;
            }

            var word = 3 * i + 1 < tokens.Length ? text.AsSpan(tokens[3 * i], tokens[(3 * i) + 1] - tokens[3 * i]) : default;
            var shared = 0;
            while (shared < stem.Length && shared < word.Length && char.ToLowerInvariant(word[shared]) == stem[shared])
            {
                shared++;
            }

            w.Count(shared + 1);
            w.Shared(stem.AsSpan(shared));
        }

        var start = 0;
        w.Count(layers.Names.Length);
        foreach (var n in layers.Names)
        {
            start = WriteSpan(w, start, n.Start, n.End);
            w.Shared(n.Key);
        }

        start = 0;
        w.Count(layers.Entities.Length);
        foreach (var e in layers.Entities)
        {
            start = WriteSpan(w, start, e.Start, e.End);
            w.Shared(e.Type);
            w.Shared(e.Method);
            w.Shared(e.Kind);
            w.Signed(e.Group);
        }

        w.Count(layers.Groups.Length);
        foreach (var g in layers.Groups)
        {
            w.Shared(g.Type);
            w.Shared(g.Canonical);
            w.Count(g.Surfaces.Count);
            foreach (var (surface, count) in g.Surfaces)
            {
                w.Shared(surface);
                w.Signed(count);
            }
        }

        start = 0;
        w.Count(layers.Times.Length);
        foreach (var t in layers.Times)
        {
            start = WriteSpan(w, start, t.Start, t.End);
            w.Shared(t.Value);
            w.Shared(t.Kind);
            w.Shared(t.Mod);
        }

        start = 0;
        w.Count(layers.Quantities.Length);
        foreach (var q in layers.Quantities)
        {
            start = WriteSpan(w, start, q.Start, q.End);
            w.Double(q.Value);
            w.Shared(q.Unit);
            w.Byte((byte)((q.Min is null ? 0 : 1) | (q.Max is null ? 0 : 2) | (q.Approximate ? 4 : 0)));
            if (q.Min is { } min)
            {
                w.Double(min);
            }

            if (q.Max is { } max)
            {
                w.Double(max);
            }

            w.Shared(q.Qualifier);
        }

        start = 0;
        w.Count(layers.Quotes.Length);
        foreach (var q in layers.Quotes)
        {
            start = WriteSpan(w, start, q.Start, q.End);
            w.Shared(q.Speaker);
            w.Signed(q.SpeakerStart);
            w.Signed(q.SpeakerEnd);
            w.Shared(q.Cue);
            w.Bool(q.Anonymous);
        }

        WriteWords(w, layers.TitleStems);
        WriteWords(w, layers.TitleNames);
        var encoded = w.ToArray();
        if (w.Length > 1024 * 1024)
        {
            // A book-length input's buffer is not kept for the next article.
            w.Dispose();
            t_writer = null;
        }

        return encoded;
    }

    // A mention's span as its start's distance from the mention before and its length; returns the start.
    private static int WriteSpan(CompactWriter w, int previousStart, int start, int end)
    {
        w.Signed(start - previousStart);
        w.Signed(end - start);
        return start;
    }

    private static void WriteWords(CompactWriter w, IReadOnlyList<string> words)
    {
        w.Count(words.Count);
        foreach (var word in words)
        {
            w.Shared(word);
        }
    }

    /// <summary>Layers read from their binary record; throws <see cref="InvalidDataException"/> when it is damaged (offsets are checked against the text afterwards).</summary>
    private static Layers ReadBinary(ReadOnlySpan<byte> data, string text)
    {
        var r = new CompactReader(data);
        if (r.Byte() != Format)
        {
            throw CompactReader.Damaged();
        }

        var lang = r.Shared()!;
        var confidence = r.Double();
        var sentences = new int[2 * r.Entries(2)];
        var end = 0;
        for (var i = 0; i < sentences.Length; i += 2)
        {
            sentences[i] = end + r.Signed();
            sentences[i + 1] = end = sentences[i] + r.Signed();
        }

        var tokens = new int[3 * r.Entries(3)];
        end = 0;
        for (var i = 0; i < tokens.Length; i += 3)
        {
            tokens[i] = end + r.Signed();
            tokens[i + 1] = end = tokens[i] + r.Signed();
            tokens[i + 2] = r.Count();
        }

        var stems = new string?[tokens.Length / 3];
        for (var i = 0; i < stems.Length; i++)
        {
            var shared = r.Count();
            if (shared == 0)
            {
                continue;
            }

            shared--;
            var (start, stop) = (tokens[3 * i], tokens[(3 * i) + 1]);
            if (start < 0 || stop > text.Length || shared > stop - start || r.Shared() is not { } rest)
            {
                throw CompactReader.Damaged();
            }

            stems[i] = string.Create(shared + rest.Length, (text, start, rest), static (into, s) =>
            {
                var shared = into.Length - s.rest.Length;
                for (var k = 0; k < shared; k++)
                {
                    into[k] = char.ToLowerInvariant(s.text[s.start + k]);
                }

                s.rest.CopyTo(into[shared..]);
            });
        }

        var names = new NameLayer[r.Entries(3)];
        var at = 0;
        for (var i = 0; i < names.Length; i++)
        {
            var (start, stop) = ReadSpan(ref r, ref at);
            names[i] = new NameLayer(start, stop, r.Shared()!);
        }

        var entities = new EntityLayer[r.Entries(6)];
        at = 0;
        for (var i = 0; i < entities.Length; i++)
        {
            var (start, stop) = ReadSpan(ref r, ref at);
            entities[i] = new EntityLayer(start, stop, r.Shared()!, r.Shared()!, r.Shared()!, r.Signed());
        }

        var groups = new GroupLayer[r.Entries(3)];
        for (var i = 0; i < groups.Length; i++)
        {
            var (type, canonical) = (r.Shared()!, r.Shared()!);
            var count = r.Entries(2);
            var surfaces = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (var k = 0; k < count; k++)
            {
                var surface = r.Shared() ?? throw CompactReader.Damaged();
                surfaces[surface] = r.Signed();
            }

            groups[i] = new GroupLayer(type, canonical, surfaces);
        }

        var times = new TimeLayer[r.Entries(5)];
        at = 0;
        for (var i = 0; i < times.Length; i++)
        {
            var (start, stop) = ReadSpan(ref r, ref at);
            times[i] = new TimeLayer(start, stop, r.Shared(), r.Shared()!, r.Shared());
        }

        var quantities = new QuantityLayer[r.Entries(13)];
        at = 0;
        for (var i = 0; i < quantities.Length; i++)
        {
            var (start, stop) = ReadSpan(ref r, ref at);
            var (value, unit, flags) = (r.Double(), r.Shared(), r.Byte());
            if (flags > 7)
            {
                throw CompactReader.Damaged();
            }

            double? min = (flags & 1) != 0 ? r.Double() : null;
            double? max = (flags & 2) != 0 ? r.Double() : null;
            quantities[i] = new QuantityLayer(start, stop, value, unit, min, max, (flags & 4) != 0, r.Shared());
        }

        var quotes = new QuoteLayer[r.Entries(8)];
        at = 0;
        for (var i = 0; i < quotes.Length; i++)
        {
            var (start, stop) = ReadSpan(ref r, ref at);
            quotes[i] = new QuoteLayer(start, stop, r.Shared(), r.Signed(), r.Signed(), r.Shared(), r.Bool());
        }

        var titleStems = ReadWords(ref r);
        var titleNames = ReadWords(ref r);
        if (!r.AtEnd)
        {
            throw CompactReader.Damaged();
        }

        return new Layers
        {
            Lang = lang,
            LangConfidence = confidence,
            Sentences = sentences,
            Tokens = tokens,
            Stems = stems,
            Names = names,
            Entities = entities,
            Groups = groups,
            Times = times,
            Quantities = quantities,
            Quotes = quotes,
            TitleStems = titleStems,
            TitleNames = titleNames,
        };
    }

    private static (int Start, int End) ReadSpan(ref CompactReader r, ref int previousStart)
    {
        var start = previousStart + r.Signed();
        previousStart = start;
        return (start, start + r.Signed());
    }

    private static string[] ReadWords(ref CompactReader r)
    {
        var words = new string[r.Entries(1)];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = r.Shared()!;
        }

        return words;
    }

    /// <summary>
    /// Whether JSON null stands nowhere a list, an item or a name must be (a damaged or foreign blob says null where
    /// the encoder never writes one): such layers are not readable, as a malformed blob is not. Words without a stem,
    /// values, units, speakers and cues may be null.
    /// </summary>
    private static bool Complete(Layers l)
        => l.Lang is not null && l.Stems is not null && l.Names is not null && l.Entities is not null && l.Groups is not null
            && l.Times is not null && l.Quantities is not null && l.Quotes is not null
            && l.TitleStems is not null && !l.TitleStems.Contains(null!) && l.TitleNames is not null && !l.TitleNames.Contains(null!)
            && l.Names.All(n => n?.Key is not null)
            && l.Entities.All(e => e is { Type: not null, Method: not null, Kind: not null })
            && l.Groups.All(g => g is { Type: not null, Canonical: not null, Surfaces: not null })
            && l.Times.All(t => t?.Kind is not null)
            && l.Quantities.All(q => q is not null)
            && l.Quotes.All(q => q is not null);

    /// <summary>Spans as one flat array of offsets, written in place into a pooled array: no array per token, none kept.</summary>
    private static PooledInts Flat<T>(IReadOnlyList<T> items, int width, SpanWriter<T> write)
    {
        var length = items.Count * width;
        var flat = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, length));
        for (var i = 0; i < items.Count; i++)
        {
            write(items[i], flat.AsSpan(i * width, width));
        }

        return new PooledInts(flat, length);
    }

    /// <summary>A rented array and the length written into it.</summary>
    private readonly record struct PooledInts(int[] Array, int Length)
    {
        public ReadOnlyMemory<int> Written => Array.AsMemory(0, Length);

        public void Return() => System.Buffers.ArrayPool<int>.Shared.Return(Array);
    }

    private delegate void SpanWriter<in T>(T item, Span<int> into);

    private sealed class Layers
    {
        public string Lang { get; set; } = "nl";

        public double LangConfidence { get; set; }

        public ReadOnlyMemory<int> Sentences { get; set; }

        public ReadOnlyMemory<int> Tokens { get; set; }

        public IReadOnlyList<string?> Stems { get; set; } = [];

        public NameLayer[] Names { get; set; } = [];

        public EntityLayer[] Entities { get; set; } = [];

        public GroupLayer[] Groups { get; set; } = [];

        public TimeLayer[] Times { get; set; } = [];

        public QuantityLayer[] Quantities { get; set; } = [];

        public QuoteLayer[] Quotes { get; set; } = [];

        public IReadOnlyList<string> TitleStems { get; set; } = [];

        public IReadOnlyList<string> TitleNames { get; set; } = [];
    }

    private sealed record NameLayer(int Start, int End, string Key);

    private sealed record EntityLayer(int Start, int End, string Type, string Method, string Kind, int Group);

    private sealed record GroupLayer(string Type, string Canonical, IReadOnlyDictionary<string, int> Surfaces);

    private sealed record TimeLayer(int Start, int End, string? Value, string Kind, string? Mod);

    private sealed record QuantityLayer(int Start, int End, double Value, string? Unit, double? Min, double? Max, bool Approximate, string? Qualifier);

    private sealed record QuoteLayer(int Start, int End, string? Speaker, int SpeakerStart, int SpeakerEnd, string? Cue, bool Anonymous);
}
