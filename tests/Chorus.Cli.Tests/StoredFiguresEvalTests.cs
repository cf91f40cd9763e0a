using System.Text.Json;

namespace Chorus.Cli.Tests;

/// <summary><c>eval stored-figures</c>: judged figures of stored articles, scored through the stored layers.</summary>
public sealed class StoredFiguresEvalTests : IDisposable
{
    private const string Text = "Bij de brand raakten drie bewoners gewond. De schade loopt op tot 2 miljoen euro. Het pand stond er al sinds 1890.";

    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Db => Path.Combine(_tmp.Path, "c.db");

    private async Task<string> IngestAsync()
    {
        var input = Path.Combine(_tmp.Path, "a.jsonl");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new { id = "brand-1", text = Text, published_at = "2019-03-20", source = "krant" }) + "\n");
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", input, "--db", Db)).ExitCode);
        var article = await CliRunner.RunAsync("article", "brand-1", "--db", Db, "--json");
        Assert.Equal(0, article.ExitCode);
        using var doc = JsonDocument.Parse(article.Stdout);
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<string> LabelsAsync(string name, params string[] rows)
    {
        var path = Path.Combine(_tmp.Path, name);
        await File.WriteAllLinesAsync(path, ["# S/F/? rows", .. rows]);
        return path;
    }

    [Fact]
    public async Task ADevFile_ScoresValueAndWhat_CountsSpuriousFigures_AndListsTheMistakes()
    {
        var id = await IngestAsync();
        var three = Text.IndexOf("drie", StringComparison.Ordinal);
        var money = Text.IndexOf("2 miljoen", StringComparison.Ordinal);
        // The first sentence judged with its one figure, the second with a wrong judged unit, the third with none.
        var labels = await LabelsAsync(
            "figures-dev.tsv",
            $"S\t{id}\t0\t{Text.IndexOf(". De", StringComparison.Ordinal) + 1}",
            $"F\t{id}\t{three}\t3\tbewoners",
            $"S\t{id}\t{Text.IndexOf("De schade", StringComparison.Ordinal)}\t{Text.IndexOf(" Het pand", StringComparison.Ordinal)}",
            $"F\t{id}\t{money}\t2000000\tUSD",
            $"S\t{id}\t{Text.IndexOf("Het pand", StringComparison.Ordinal)}\t{Text.Length}");
        var r = await CliRunner.RunAsync("eval", "stored-figures", labels, "--db", Db, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("judged").GetInt32());
        Assert.Equal(1, root.GetProperty("right").GetInt32());
        Assert.Equal(1, root.GetProperty("wrongWhat").GetInt32());
        Assert.Equal(0, root.GetProperty("spurious").GetInt32());
        Assert.Contains($"{id}@{money}: 2000000 EUR, judged 2000000 USD", root.GetProperty("mistakes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFigureWhereNoneWasJudged_IsSpurious()
    {
        var id = await IngestAsync();
        var labels = await LabelsAsync("figures-dev.tsv", $"S\t{id}\t0\t{Text.Length}", $"F\t{id}\t{Text.IndexOf("drie", StringComparison.Ordinal)}\t3\t-");
        var r = await CliRunner.RunAsync("eval", "stored-figures", labels, "--db", Db, "--json");
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("spurious").GetInt32());
        Assert.Equal(50, doc.RootElement.GetProperty("precision").GetDouble());
    }

    [Fact]
    public async Task AHeldOutFile_KeepsItsMistakesUnlisted()
    {
        var id = await IngestAsync();
        var labels = await LabelsAsync("figures-test.tsv", $"S\t{id}\t0\t{Text.Length}", $"F\t{id}\t{Text.IndexOf("drie", StringComparison.Ordinal)}\t4\tbewoners");
        var json = await CliRunner.RunAsync("eval", "stored-figures", labels, "--db", Db, "--json");
        using (var doc = JsonDocument.Parse(json.Stdout))
        {
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("mistakes").ValueKind);
            Assert.Equal(1, doc.RootElement.GetProperty("wrongValue").GetInt32());
        }

        var text = await CliRunner.RunAsync("eval", "stored-figures", labels, "--db", Db);
        Assert.DoesNotContain("judged 4", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("mistakes of this held-out file not listed", text.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("S\ta1\t10\t5", "a judged sentence is")]
    [InlineData("F\ta1\t3\tthree\tbewoners", "a figure is")]
    [InlineData("X\ta1\t3", "expected a line starting with S")]
    public async Task ABadRow_IsAClearErrorNamingItsLine(string row, string reason)
    {
        var labels = await LabelsAsync("figures-dev.tsv", row);
        var r = await CliRunner.RunAsync("eval", "stored-figures", labels, "--db", Db);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("figures-dev.tsv:2:", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(reason, r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFigureOutsideEveryJudgedSentence_IsRefused()
    {
        var labels = await LabelsAsync("figures-dev.tsv", "S\ta1\t0\t10", "F\ta1\t20\t3\tbewoners");
        var r = await CliRunner.RunAsync("eval", "stored-figures", labels, "--db", Db);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("in no judged sentence", r.Stderr, StringComparison.Ordinal);
    }
}
