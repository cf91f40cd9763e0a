using System.Diagnostics;
using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Core.Extraction.Ner;
using Spectre.Console;
using Chorus.Evaluation;

namespace Chorus.Cli.Commands;

internal static class NerCommand
{
    public static Task<int> TrainAsync(CliContext ctx, string trainPath, string devPath, string outPath, int bits, CancellationToken ct)
    {
        var train = ReadOrThrow(trainPath);
        var dev = ReadOrThrow(devPath);
        var sw = Stopwatch.StartNew();
        var trainer = new NerTrainer(new NerTrainingOptions { Bits = bits }, NameGazetteer.Dutch, line => ctx.Stderr.WriteLine($"[{sw.Elapsed:mm\\:ss}] {line}"));
        var model = trainer.Train(train, dev);
        model.Save(outPath);
        var scores = Evaluate(new NerTagger(model, NameGazetteer.Dutch), dev);
        ctx.Out.MarkupLineInterpolated($"saved {outPath} ({new FileInfo(outPath).Length / 1024.0 / 1024.0:0.0} MB) after {sw.Elapsed.TotalSeconds:0} s; development F1 {scores.Overall.F1:0.00}");
        return Task.FromResult(ExitCodes.Success);
    }

    public static Task<int> EvalAsync(CliContext ctx, string file, string? modelPath, bool json, CancellationToken ct)
    {
        var docs = ReadOrThrow(file);
        var sw = Stopwatch.StartNew();
        var tagger = LoadTagger(modelPath);
        var loadSeconds = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var scores = Evaluate(tagger, docs);
        var tokens = docs.Sum(d => d.Sentences.Sum(s => s.Words.Length));
        if (json)
        {
            object Doc(PrfScore s) => new { precision = Math.Round(s.Precision, 2), recall = Math.Round(s.Recall, 2), f1 = Math.Round(s.F1, 2), correct = s.Correct, predicted = s.Predicted, gold = s.Gold };
            ctx.Stdout.WriteLine(ContractJson.Serialize(new
            {
                precision = Math.Round(scores.Overall.Precision, 2),
                recall = Math.Round(scores.Overall.Recall, 2),
                f1 = Math.Round(scores.Overall.F1, 2),
                types = scores.Types.ToDictionary(kv => kv.Key, kv => Doc(kv.Value)),
                tokens,
            }));
            return Task.FromResult(ExitCodes.Success);
        }

        var table = new Table().AddColumn("type").AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("gold").RightAligned()).AddColumn(new TableColumn("predicted").RightAligned());
        foreach (var (type, s) in scores.Types.Append(new KeyValuePair<string, PrfScore>("overall", scores.Overall)))
        {
            table.AddRow(type, Pct(s.Precision), Pct(s.Recall), Pct(s.F1), s.Gold.ToString(CultureInfo.InvariantCulture), s.Predicted.ToString(CultureInfo.InvariantCulture));
        }

        ctx.Out.Write(table);
        ctx.Out.MarkupLineInterpolated($"{tokens:N0} tokens in {docs.Count} documents; model loaded in {loadSeconds:0.00} s, tagged in {sw.Elapsed.TotalSeconds:0.00} s");
        return Task.FromResult(ExitCodes.Success);
    }

    public static NerTagger LoadTagger(string? modelPath)
    {
        var path = modelPath ?? NerModelLocator.Find() ?? throw new UsageException("no NER model found: pass --model PATH or train one with './chorus ner train'");
        var model = NerModel.Load(path);
        return model.Success ? new NerTagger(model.Value!, NameGazetteer.Dutch) : throw new UsageException(model.Error!);
    }

    public static NerScores Evaluate(NerTagger tagger, IReadOnlyList<NerDocument> docs)
    {
        var pairs = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var doc in docs)
        {
            var predicted = tagger.Tag(doc.Sentences.Select(s => (IReadOnlyList<string>)s.Words).ToList());
            for (var s = 0; s < doc.Sentences.Count; s++)
            {
                pairs.Add((doc.Sentences[s].Tags!, predicted[s].Select(p => NerTags.All[p]).ToArray()));
            }
        }

        return ConllEvaluator.Evaluate(pairs);
    }

    private static List<NerDocument> ReadOrThrow(string path)
    {
        var read = ConllFormat.Read(path);
        return read.Success ? read.Value! : throw new UsageException(read.Error!);
    }

    private static string Pct(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
