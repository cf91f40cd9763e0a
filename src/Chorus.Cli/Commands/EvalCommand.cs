using System.Globalization;
using Chorus.Core.Contracts;
using Chorus.Core.Text;
using Spectre.Console;

namespace Chorus.Cli.Commands;

internal static class EvalCommand
{
    public static async Task<int> SentencesAsync(CliContext ctx, IReadOnlyList<string> files, bool json, CancellationToken ct)
    {
        var rows = new List<(string File, BoundaryScores Scores)>();
        var punctuatedRows = new List<BoundaryScores>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"{file}: no such file");
            }

            var lines = await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false);
            rows.Add((file, SentenceBoundaryEvaluation.Evaluate(SentenceSplitter.Dutch, lines)));
            punctuatedRows.Add(SentenceBoundaryEvaluation.Evaluate(SentenceSplitter.Dutch, lines, punctuatedOnly: true));
        }

        var total = Sum(rows.Select(r => r.Scores));
        var punctuated = Sum(punctuatedRows);
        if (json)
        {
            object Doc(BoundaryScores s) => new { s.Paragraphs, s.GoldBoundaries, s.PredictedBoundaries, s.Correct, precision = Math.Round(s.Precision, 2), recall = Math.Round(s.Recall, 2), f1 = Math.Round(s.F1, 2) };
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { files = rows.ToDictionary(r => r.File, r => Doc(r.Scores)), total = Doc(total), punctuatedBoundariesOnly = Doc(punctuated) })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumn("file").AddColumn("paragraphs").AddColumn("gold").AddColumn("predicted").AddColumn("P").AddColumn("R").AddColumn("F1");
        foreach (var (file, s) in rows.Append(("total", total)).Append(("total, punctuated gold boundaries only", punctuated)))
        {
            table.AddRow(Markup.Escape(file), Fmt(s.Paragraphs), Fmt(s.GoldBoundaries), Fmt(s.PredictedBoundaries), Pct(s.Precision), Pct(s.Recall), Pct(s.F1));
        }

        ctx.Out.Write(table);
        return ExitCodes.Success;
    }

    private static BoundaryScores Sum(IEnumerable<BoundaryScores> scores)
    {
        var list = scores.ToList();
        return new BoundaryScores(list.Sum(s => s.Paragraphs), list.Sum(s => s.GoldBoundaries), list.Sum(s => s.PredictedBoundaries), list.Sum(s => s.Correct));
    }

    private static string Fmt(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Pct(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
