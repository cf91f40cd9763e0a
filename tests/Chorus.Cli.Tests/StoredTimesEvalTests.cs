using System.Text.Json;

namespace Chorus.Cli.Tests;

/// <summary><c>eval stored-times</c>: judged time values of stored articles, scored through the stored layers.</summary>
public sealed class StoredTimesEvalTests : IDisposable
{
    private const string Text = "De gemeente opent op 4 juni een nieuwe brug. Vorig jaar werd het ontwerp gekozen.";

    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Db => Path.Combine(_tmp.Path, "c.db");

    private async Task<string> IngestAsync()
    {
        var input = Path.Combine(_tmp.Path, "a.jsonl");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new { id = "brug-1", text = Text, published_at = "2019-03-20", source = "krant" }) + "\n");
        Assert.Equal(0, (await CliRunner.RunAsync("ingest", input, "--db", Db)).ExitCode);
        var article = await CliRunner.RunAsync("article", "brug-1", "--db", Db, "--json");
        Assert.Equal(0, article.ExitCode);
        using var doc = JsonDocument.Parse(article.Stdout);
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<string> LabelsAsync(string name, params string[] rows)
    {
        var path = Path.Combine(_tmp.Path, name);
        await File.WriteAllLinesAsync(path, ["# article id\texpression start\tvalue", .. rows]);
        return path;
    }

    [Fact]
    public async Task ADevFile_CountsRightAndWrong_AndListsTheMistakes()
    {
        var id = await IngestAsync();
        var june = Text.IndexOf("4 juni", StringComparison.Ordinal);
        var lastYear = Text.IndexOf("Vorig jaar", StringComparison.Ordinal);
        var labels = await LabelsAsync("times-dev.tsv", $"{id}\t{june}\t2019-06-04", $"{id}\t{lastYear}\t2017", $"{id}\t0\t?");
        var r = await CliRunner.RunAsync("eval", "stored-times", labels, "--db", Db, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("judged").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("right").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("wrong").GetInt32());
        Assert.Contains($"{id}@{lastYear}: 2018, judged 2017", doc.RootElement.GetProperty("mistakes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeldOutFile_KeepsItsMistakesUnlisted_AndNamesAnOffsetWithNoExpression()
    {
        var id = await IngestAsync();
        var labels = await LabelsAsync("times-test.tsv", $"{id}\t{Text.IndexOf("Vorig jaar", StringComparison.Ordinal)}\t2017", $"{id}\t3\t2019-03");
        var json = await CliRunner.RunAsync("eval", "stored-times", labels, "--db", Db, "--json");
        using (var doc = JsonDocument.Parse(json.Stdout))
        {
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("mistakes").ValueKind);
            Assert.Equal(1, doc.RootElement.GetProperty("notFound").GetInt32());
        }

        var text = await CliRunner.RunAsync("eval", "stored-times", labels, "--db", Db);
        Assert.Contains($"{id}@3: no time expression there", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("judged 2017", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 mistakes of this held-out file not listed", text.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a1\tx\t2019", "expected article id")]
    [InlineData("a1\t12\tsoon", "no date or stretch of dates")]
    public async Task ABadRow_IsAClearErrorNamingItsLine(string row, string reason)
    {
        var labels = await LabelsAsync("times-dev.tsv", row);
        var r = await CliRunner.RunAsync("eval", "stored-times", labels, "--db", Db);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("times-dev.tsv:2:", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(reason, r.Stderr, StringComparison.Ordinal);
    }
}
