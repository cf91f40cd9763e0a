namespace Chorus.Core.Extraction.Ner;

/// <summary>
/// Tags the sentences of one document with IOB2 labels: pass 1 on the base features, then pass 2 with the
/// first pass's labels stacked on, including the majority label of each word across the document, which
/// makes the tagging of a name consistent through the article. Thread-safe.
/// </summary>
public sealed class NerTagger
{
    private readonly NerModel _model;
    private readonly NerFeatureExtractor _features;

    public NerTagger(NerModel model, NameGazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _features = new NerFeatureExtractor(gazetteer, model.Bits);
    }

    public int[][] Tag(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var doc = _features.Prepare(sentences);
        var baseFeatures = new SentenceFeatures[sentences.Count];
        var pass1 = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            baseFeatures[s] = _features.Extract(doc, s);
            pass1[s] = _model.Pass1.Decode(baseFeatures[s]);
        }

        var majority = NerFeatureExtractor.Majority(doc, pass1);
        var result = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            result[s] = _model.Pass2.Decode(_features.Stack(doc, s, baseFeatures[s], pass1, majority));
        }

        return result;
    }
}
