using BenchmarkDotNet.Attributes;
using Chorus.Core.Extraction.Ner;

namespace Chorus.Benchmarks;

/// <summary>
/// Tagging throughput of the shipped Dutch model on one thread, on CoNLL-2002 testb (68,875 tokens) when
/// ../shared/data is present. Tokens per second = tokens / mean time of <see cref="TagDocuments"/>;
/// the benchmark prints the token count at setup. <see cref="LoadModel"/> times a cold model load.
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private NerTagger _tagger = null!;
    private List<IReadOnlyList<IReadOnlyList<string>>> _documents = [];
    private string _modelPath = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _modelPath = NerModelLocator.Find() ?? throw new InvalidOperationException("models/nl-ner.bin not found");
        _tagger = new NerTagger(NerModel.Load(_modelPath).Value!, NameGazetteer.Dutch);
        var testb = BenchmarkData.FindUp(Path.Combine("shared", "data", "conll2002", "ned.testb"));
        var docs = testb is null ? [] : ConllFormat.Read(testb).Value!;
        _documents = docs.Select(d => (IReadOnlyList<IReadOnlyList<string>>)d.Sentences.Select(s => (IReadOnlyList<string>)s.Words).ToList()).ToList();
        Console.WriteLine($"// tokens per TagDocuments call: {_documents.Sum(d => d.Sum(s => s.Count))}");
    }

    [Benchmark]
    public int TagDocuments()
    {
        var n = 0;
        foreach (var doc in _documents)
        {
            n += _tagger.Tag(doc).Length;
        }

        return n;
    }

    [Benchmark]
    public NerModel LoadModel() => NerModel.Load(_modelPath).Value!;
}
