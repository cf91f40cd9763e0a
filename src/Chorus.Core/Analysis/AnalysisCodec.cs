using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chorus.Core.Entities;
using Chorus.Core.Extraction.Quantities;
using Chorus.Core.Extraction.Quotes;
using Chorus.Core.Extraction.Times;
using Chorus.Core.Ingest;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Analysis;

/// <summary>
/// Writes an article's annotation layers for the store and reads them back, so that reading an article or a story
/// never runs the analyser. Offsets are kept as flat integer arrays and the whole is gzipped JSON: compact, and
/// readable by any store. A layer set carries the analyser version it was made with (<see cref="ArticleAnalyzer.Version"/>);
/// <c>./chorus reanalyse</c> rewrites those of older versions.
/// </summary>
public static class AnalysisCodec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Encode(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        // The offsets are written from pooled arrays, the lists of words as they are, and the gzipped bytes into a
        // buffer each thread keeps: the copies made only to be written were most of what encoding allocated.
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
            // The JSON goes to the compressor whole, in one write: deflate's output depends on how its input arrives,
            // so the bytes stored then depend on the layers alone, not on where a serialiser flushes.
            var json = t_json ??= new System.Buffers.ArrayBufferWriter<byte>(BufferSize);
            json.ResetWrittenCount();
            var writer = t_writer ??= new Utf8JsonWriter(json);
            writer.Reset(json);
            JsonSerializer.Serialize(writer, layers, Options);
            var buffer = t_buffer ??= new MemoryStream(BufferSize);
            buffer.SetLength(0);
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(json.WrittenSpan);
            }

            var encoded = buffer.ToArray();
            if (buffer.Capacity > MaxKeptBuffer || json.Capacity > MaxKeptBuffer)
            {
                // A book-length input's buffers are not kept for the next article.
                (t_buffer, t_json, t_writer) = (null, null, null);
            }

            return encoded;
        }
        finally
        {
            sentences.Return();
            tokens.Return();
        }
    }

    private const int BufferSize = 16 * 1024;
    private const int MaxKeptBuffer = 1024 * 1024;

    [ThreadStatic]
    private static MemoryStream? t_buffer;

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_json;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

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
            using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            layers = JsonSerializer.Deserialize<Layers>(gzip, Options);
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
