namespace Chorus.Core.Extraction.Ner;

/// <summary>
/// Tags the sentences of one document with IOB2 labels: pass 1 on the base features, then pass 2 with the
/// first pass's labels stacked on, including the majority label of each word across the document, which
/// makes the tagging of a name consistent through the article. Thread-safe.
/// </summary>
public sealed class NerTagger
{
    private readonly NerModel _model;
    private readonly NameGazetteer _gazetteer;
    private readonly NerFeatureExtractor _features;

    public NerTagger(NerModel model, NameGazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _gazetteer = gazetteer;
        _features = new NerFeatureExtractor(gazetteer, model.Bits);
    }

    // Feature buffers reused by every document a thread tags: a document's base features stay until its second pass.
    [ThreadStatic]
    private static Scratch? _scratch;

    private sealed class Scratch
    {
        public IntList Base { get; } = new(16_384);

        public IntList BaseStarts { get; } = new(1_024);

        public IntList Stacked { get; } = new(512);

        public IntList StackedStarts { get; } = new(128);
    }

    public int[][] Tag(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var doc = _features.Prepare(sentences);
        var scratch = _scratch ??= new Scratch();
        scratch.Base.Clear();
        scratch.BaseStarts.Clear();
        var offsets = new int[sentences.Count];
        var pass1 = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            offsets[s] = scratch.BaseStarts.Count;
            _features.ExtractInto(doc, s, scratch.Base, scratch.BaseStarts);
            pass1[s] = _model.Pass1.Decode(scratch.Base.AsSpan(), StartsOf(scratch, offsets[s], sentences[s].Count), default, default);
        }

        var majority = NerFeatureExtractor.Majority(doc, pass1);
        var result = new int[sentences.Count][];
        var chunks = new List<(int Start, int End, int Type)>();
        for (var s = 0; s < sentences.Count; s++)
        {
            scratch.Stacked.Clear();
            scratch.StackedStarts.Clear();
            _features.StackInto(doc, s, pass1, majority, scratch.Stacked, scratch.StackedStarts);
            result[s] = _model.Pass2.Decode(scratch.Base.AsSpan(), StartsOf(scratch, offsets[s], sentences[s].Count), scratch.Stacked.AsSpan(), scratch.StackedStarts.AsSpan());
            ChunkRetyping.Apply(sentences[s], result[s], _gazetteer, chunks);
        }

        // A very long document grows the buffers far past what articles need; they are not kept for the next one.
        if (scratch.Base.Capacity > MaxKeptFeatures)
        {
            _scratch = null;
        }

        return result;
    }

    // Features of about 20,000 tokens (4 MB): every news article fits; a book-length input does not pin its buffers.
    private const int MaxKeptFeatures = 1 << 20;

    private static ReadOnlySpan<int> StartsOf(Scratch scratch, int offset, int tokens) => scratch.BaseStarts.AsSpan().Slice(offset, tokens + 1);
}
