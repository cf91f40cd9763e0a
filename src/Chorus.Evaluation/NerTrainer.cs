using Chorus.Core.Extraction.Ner;

namespace Chorus.Evaluation;

/// <summary>Settings of a training run; the defaults reproduce the shipped model.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Feature hash size as a power of two.</summary>
    public int Bits { get; init; } = 20;

    /// <summary>Maximum epochs per pass; the epoch with the best development F1 is kept.</summary>
    public int MaxEpochs { get; init; } = 15;

    /// <summary>Folds for the jackknifed first-pass labels that the second pass learns from.</summary>
    public int Folds { get; init; } = 5;

    public int Seed { get; init; } = 20231;
}

/// <summary>
/// Trains the two-pass tagger with an averaged structured perceptron (Collins 2002): decode each sentence
/// with the current weights, and where the best sequence differs from the gold one, add the gold features
/// and subtract the predicted ones; the averaged weights generalise far better than the last ones.
/// The second pass learns from first-pass labels produced by jackknifing (each fold tagged by a model
/// that never saw it), so that at test time it sees labels as noisy as the ones it was trained on.
/// Deterministic: document order is shuffled with a fixed seed and nothing depends on thread timing.
/// </summary>
public sealed class NerTrainer
{
    private readonly NerTrainingOptions _options;
    private readonly NameGazetteer _gazetteer;
    private readonly NerFeatureExtractor _features;
    private readonly Action<string> _log;

    public NerTrainer(NerTrainingOptions options, NameGazetteer gazetteer, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _gazetteer = gazetteer;
        _features = new NerFeatureExtractor(gazetteer, options.Bits);
        _log = log;
    }

    /// <summary>
    /// Dropout rates that make the name lists cover the training entities as well as they cover the
    /// development entities: rate = 1 − coverage(dev) / coverage(train), for whole names and for name words.
    /// </summary>
    public NameListDropout FitDropout(IReadOnlyList<NerDocument> train, IReadOnlyList<NerDocument> dev)
    {
        var (trainFull, trainPart) = Coverage(train);
        var (devFull, devPart) = Coverage(dev);
        var dropout = new NameListDropout(
            Math.Clamp(1 - (devFull / trainFull), 0, 0.9),
            Math.Clamp(1 - (devPart / trainPart), 0, 0.9),
            (ulong)_options.Seed);
        _log($"name lists cover {trainFull:P1} of training entities and {devFull:P1} of development entities (words: {trainPart:P1} / {devPart:P1}); training hides {dropout.FullRate:P1} of names and {dropout.PartRate:P1} of name words");
        return dropout;
    }

    private (double Full, double Part) Coverage(IReadOnlyList<NerDocument> docs)
    {
        int chunks = 0, full = 0, tokens = 0, part = 0;
        foreach (var s in docs.SelectMany(d => d.Sentences))
        {
            foreach (var c in ConllEvaluator.Chunks(s.Tags ?? []))
            {
                chunks++;
                full += _gazetteer.Full(s.Words, c.Start, c.End - c.Start) != 0 ? 1 : 0;
                for (var i = c.Start; i < c.End; i++)
                {
                    tokens++;
                    part += _gazetteer.Part(s.Words[i]) != 0 ? 1 : 0;
                }
            }
        }

        return (chunks == 0 ? 1 : (double)full / chunks, tokens == 0 ? 1 : (double)part / tokens);
    }

    public NerModel Train(IReadOnlyList<NerDocument> train, IReadOnlyList<NerDocument> dev)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(dev);
        var trainFeatures = new NerFeatureExtractor(_gazetteer, _options.Bits, FitDropout(train, dev));
        var trainDocs = Prepare(train, trainFeatures);
        var devDocs = Prepare(dev, _features);
        _log($"features extracted: {trainDocs.Sum(d => d.Gold.Length)} training sentences, {devDocs.Sum(d => d.Gold.Length)} development sentences");

        var (pass1, pass1Epochs) = TrainPass("pass 1", trainDocs, devDocs, d => d.Base, _options.MaxEpochs);

        // Jackknife: label each fold with a first-pass model trained on the other folds, for as many epochs as
        // the full first pass needed.
        var jackknifed = new int[trainDocs.Count][][];
        for (var fold = 0; fold < _options.Folds; fold++)
        {
            var rest = trainDocs.Where((_, i) => i % _options.Folds != fold).ToList();
            var (foldModel, _) = TrainPass($"fold {fold + 1}/{_options.Folds}", rest, [], d => d.Base, pass1Epochs);
            for (var i = 0; i < trainDocs.Count; i++)
            {
                if (i % _options.Folds == fold)
                {
                    jackknifed[i] = trainDocs[i].Base.Select(foldModel.Decode).ToArray();
                }
            }
        }

        for (var i = 0; i < trainDocs.Count; i++)
        {
            trainDocs[i].AddStacked(trainFeatures, jackknifed[i]);
        }

        foreach (var d in devDocs)
        {
            d.AddStacked(_features, d.Base.Select(pass1.Decode).ToArray());
        }

        var (pass2, _) = TrainPass("pass 2", trainDocs, devDocs, d => d.Stacked!, _options.MaxEpochs);
        return new NerModel(_options.Bits, pass1, pass2);
    }

    private static List<PreparedDocument> Prepare(IReadOnlyList<NerDocument> docs, NerFeatureExtractor extractor)
    {
        var prepared = new PreparedDocument[docs.Count];
        Parallel.For(0, docs.Count, i =>
        {
            var ctx = extractor.Prepare(docs[i].Sentences.Select(s => (IReadOnlyList<string>)s.Words).ToList());
            var baseFeatures = Enumerable.Range(0, docs[i].Sentences.Count).Select(s => extractor.Extract(ctx, s)).ToArray();
            var gold = docs[i].Sentences.Select(s => (s.Tags ?? throw new ArgumentException("training data needs tags")).Select(NerTags.IndexOf).ToArray()).ToArray();
            prepared[i] = new PreparedDocument(ctx, baseFeatures, gold);
        });
        return [.. prepared];
    }

    private (NerPassModel Model, int Epochs) TrainPass(string name, List<PreparedDocument> train, List<PreparedDocument> dev, Func<PreparedDocument, SentenceFeatures[]> features, int epochs)
    {
        var t = NerTags.Count;
        var size = (1 << _options.Bits) * t;
        var w = new float[size];
        var u = new float[size];
        var trans = new float[(t + 1) * t];
        var transU = new float[(t + 1) * t];
        var c = 1f;
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(_options.Seed);
        NerPassModel? best = null;
        var bestF1 = double.NegativeInfinity;
        var bestEpoch = epochs;
        var emissions = new float[256 * t];

        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            var mistakes = 0;
            foreach (var d in order)
            {
                var doc = train[d];
                var docFeatures = features(doc);
                for (var s = 0; s < docFeatures.Length; s++)
                {
                    var f = docFeatures[s];
                    var gold = doc.Gold[s];
                    if (emissions.Length < f.Length * t)
                    {
                        emissions = new float[f.Length * t * 2];
                    }

                    var predicted = DecodeFloat(w, trans, f, emissions);
                    if (!predicted.AsSpan().SequenceEqual(gold))
                    {
                        mistakes++;
                        for (var i = 0; i < f.Length; i++)
                        {
                            if (predicted[i] != gold[i])
                            {
                                for (var k = f.Starts[i]; k < f.Starts[i + 1]; k++)
                                {
                                    var row = f.Features[k] * t;
                                    Update(w, u, row + gold[i], 1, c);
                                    Update(w, u, row + predicted[i], -1, c);
                                }
                            }

                            var prevGold = i == 0 ? t : gold[i - 1];
                            var prevPredicted = i == 0 ? t : predicted[i - 1];
                            if (prevGold != prevPredicted || gold[i] != predicted[i])
                            {
                                Update(trans, transU, (prevGold * t) + gold[i], 1, c);
                                Update(trans, transU, (prevPredicted * t) + predicted[i], -1, c);
                            }
                        }
                    }

                    c++;
                }
            }

            var averaged = Average(w, u, c);
            var averagedTrans = Average(trans, transU, c);
            var model = NerPassModel.Quantise(averaged, averagedTrans);
            if (dev.Count == 0)
            {
                best = model;
                _log($"{name} epoch {epoch}: {mistakes} sentences wrong");
                continue;
            }

            var f1 = Score(model, dev, features).Overall.F1;
            _log($"{name} epoch {epoch}: {mistakes} sentences wrong, development F1 {f1:0.00}");
            if (f1 > bestF1)
            {
                (best, bestF1, bestEpoch) = (model, f1, epoch);
            }
            else if (epoch - bestEpoch >= 3)
            {
                // Three epochs without improvement: the averaged perceptron has converged.
                break;
            }
        }

        return (best!, bestEpoch);
    }

    private static NerScores Score(NerPassModel model, List<PreparedDocument> docs, Func<PreparedDocument, SentenceFeatures[]> features)
        => ConllEvaluator.Evaluate(docs.SelectMany(d => features(d).Select((f, s) => (
            (IReadOnlyList<string>)d.Gold[s].Select(g => NerTags.All[g]).ToArray(),
            (IReadOnlyList<string>)model.Decode(f).Select(p => NerTags.All[p]).ToArray()))));

    private static int[] DecodeFloat(float[] w, float[] trans, SentenceFeatures f, float[] emissions)
    {
        var t = NerTags.Count;
        Array.Clear(emissions, 0, f.Length * t);
        for (var i = 0; i < f.Length; i++)
        {
            var e = emissions.AsSpan(i * t, t);
            for (var k = f.Starts[i]; k < f.Starts[i + 1]; k++)
            {
                var row = w.AsSpan(f.Features[k] * t, t);
                for (var tag = 0; tag < t; tag++)
                {
                    e[tag] += row[tag];
                }
            }
        }

        return Viterbi.Decode(emissions, trans, f.Length);
    }

    private static void Update(float[] w, float[] u, int index, float delta, float c)
    {
        w[index] += delta;
        u[index] += c * delta;
    }

    private static float[] Average(float[] w, float[] u, float c)
    {
        var a = new float[w.Length];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = w[i] - (u[i] / c);
        }

        return a;
    }

    private sealed class PreparedDocument(NerFeatureExtractor.DocumentContext context, SentenceFeatures[] baseFeatures, int[][] gold)
    {
        public NerFeatureExtractor.DocumentContext Context { get; } = context;

        public SentenceFeatures[] Base { get; } = baseFeatures;

        public int[][] Gold { get; } = gold;

        public SentenceFeatures[]? Stacked { get; private set; }

        public void AddStacked(NerFeatureExtractor extractor, int[][] pass1)
        {
            var majority = NerFeatureExtractor.Majority(Context, pass1);
            Stacked = Base.Select((b, s) => extractor.Stack(Context, s, b, pass1, majority)).ToArray();
        }
    }
}
