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
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"{file}: no such file");
            }

            var lines = await File.ReadAllLinesAsync(file, ct).ConfigureAwait(false);
            rows.Add((file, SentenceBoundaryEvaluation.Evaluate(SentenceSplitter.Dutch, lines)));
        }

        var total = new BoundaryScores(rows.Sum(r => r.Scores.Paragraphs), rows.Sum(r => r.Scores.GoldBoundaries), rows.Sum(r => r.Scores.PredictedBoundaries), rows.Sum(r => r.Scores.Correct));
        if (json)
        {
            object Doc(BoundaryScores s) => new { s.Paragraphs, s.GoldBoundaries, s.PredictedBoundaries, s.Correct, precision = Math.Round(s.Precision, 2), recall = Math.Round(s.Recall, 2), f1 = Math.Round(s.F1, 2) };
            await ctx.Stdout.WriteLineAsync(ContractJson.Serialize(new { files = rows.ToDictionary(r => r.File, r => Doc(r.Scores)), total = Doc(total) })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumn("file").AddColumn("paragraphs").AddColumn("gold").AddColumn("predicted").AddColumn("P").AddColumn("R").AddColumn("F1");
        foreach (var (file, s) in rows.Append(("total", total)))
        {
            table.AddRow(Markup.Escape(file), Fmt(s.Paragraphs), Fmt(s.GoldBoundaries), Fmt(s.PredictedBoundaries), Pct(s.Precision), Pct(s.Recall), Pct(s.F1));
        }

        ctx.Out.Write(table);
        return ExitCodes.Success;
    }

    private static string Fmt(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Pct(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
