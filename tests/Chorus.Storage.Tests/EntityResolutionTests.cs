using Chorus.Core.Entities;
using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;

namespace Chorus.Storage.Tests;

/// <summary>Entity resolution through the store, run once per store engine.</summary>
public abstract class EntityResolutionTests(StoreHost host) : IAsyncLifetime
{
    private const string English = """{"id": "en-1", "source": "World Wire", "date": "2023-09-12", "lang": "en", "title": "Kim Jong Un meets Putin", "text": "North Korean leader Kim Jong Un met Russian President Vladimir Putin on Wednesday. Kim arrived by armoured train. Defence minister Sergei Shoigu also attended the talks."}""";

    private readonly TempFolder _tmp = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        _tmp.Dispose();
    }

    internal static async Task IngestAsync(ChorusWorkspace ws, params string[] paths)
    {
        var pipeline = new IngestPipeline(ws.Store, ArticleAnalyzer.CreateDefault(), new ClusteringOptions(), ws.Index);
        await pipeline.RunAsync(paths.SelectMany(p => ArticleInputReader.ReadFile(p, new ReadOptions())));
    }

    [SkippableFact]
    public async Task Seeds_ResolveToTheExpectedEntities()
    {
        await using var ws = await host.OpenAsync("c.db");
        await IngestAsync(ws, TestPaths.Seed000, TestPaths.Seed002);
        var shoigu = (await ws.Store.FindEntityAsync("Sjojgoe"))!;
        Assert.Contains("Sjogjoe", shoigu.Variants.Keys);
        var kim = (await ws.Store.FindEntityAsync("Kim Jong-un"))!;
        var father = (await ws.Store.FindEntityAsync("Kim Jong-il"))!;
        Assert.NotEqual(kim.Id, father.Id);
        Assert.Contains("Kim", kim.Variants.Keys);
        Assert.DoesNotContain("Kim", father.Variants.Keys);
        var poetin = (await ws.Store.FindEntityAsync("Poetin"))!;
        Assert.Equal(2, (await ws.Store.EntityOccurrencesAsync(poetin.Id)).Select(o => o.ArticleId).Distinct().Count());
        var northKorea = (await ws.Store.FindEntityAsync("Noord-Korea"))!;
        Assert.Contains("Noord-Koreaanse", northKorea.Variants.Keys);
        var breuker = (await ws.Store.FindEntityAsync("Breuker"))!;
        Assert.Equal("Remco Breuker", breuker.Name);
    }

    [SkippableFact]
    public async Task DutchAndEnglishSpellings_AreVariantsOfOneEntity()
    {
        await using var ws = await host.OpenAsync("c.db");
        await IngestAsync(ws, TestPaths.Seed000, _tmp.File("en.jsonl", English));
        // Lookups are exact: "Putin" alone is no variant here, so it only suggests the entity.
        Assert.Null(await ws.Store.FindEntityAsync("Putin"));
        var putin = (await ws.Store.FindEntityAsync("Vladimir Putin"))!;
        Assert.Equal(putin.Id, Assert.Single((await ws.Store.LookupEntityAsync("Putin")).Candidates).Id);
        Assert.Contains("Poetin", putin.Variants.Keys);
        Assert.Contains("Vladimir Putin", putin.Variants.Keys);
        var shoigu = (await ws.Store.FindEntityAsync("Sergei Shoigu"))!;
        Assert.Contains("Sjojgoe", shoigu.Variants.Keys);
        Assert.Contains("Sergei Shoigu", shoigu.Variants.Keys);

        // Places under their names in another language, through the English adjectives "Russian" and "North Korean".
        var russia = (await ws.Store.FindEntityAsync("Rusland"))!;
        Assert.Contains("Russian", russia.Variants.Keys);
        var northKorea = (await ws.Store.FindEntityAsync("Noord-Korea"))!;
        Assert.Contains("North Korean", northKorea.Variants.Keys);
    }

    [SkippableFact]
    public async Task ASurnameThatFitsTwoPeople_IsDecidedByTheCompanyItKeeps_AndATieStaysUnlinked()
    {
        await using var ws = await host.OpenAsync("c.db");
        var scholar = _tmp.File("scholar.txt", " date 2023-09-05\nRemco Breuker, hoogleraar in Leiden, volgt Noord-Korea al jaren. Volgens Breuker wil Kim Jong-un in Pyongyang vooral aandacht uit Moskou.");
        var alderman = _tmp.File("alderman.txt", " date 2023-09-06\nWethouder Anna Breuker van Zwolle opent een nieuwe fietsbrug over de IJssel. Breuker sprak van een feestdag voor Zwolle en de provincie Overijssel.");
        await IngestAsync(ws, scholar, alderman);

        // Only the surname, with the scholar's companions (Kim Jong-un, Pyongyang), on another day and in other words.
        var later = _tmp.File("later.txt", " date 2023-10-20\nDe reis van Kim Jong-un bleef ook in oktober onderwerp van gesprek. Volgens Breuker lieten de staatsmedia in Pyongyang vooral beelden van de trein zien.");
        var bare = _tmp.File("bare.txt", " date 2023-11-20\nGisteren gaf ook Breuker een lezing op een symposium in Utrecht over het oude handschrift van een klooster.");
        await IngestAsync(ws, later, bare);

        var remco = (await ws.Store.FindEntityAsync("Remco Breuker"))!;
        var anna = (await ws.Store.FindEntityAsync("Anna Breuker"))!;
        Assert.NotEqual(remco.Id, anna.Id);
        var laterId = (await ws.Store.FindArticleAsync(later))!.Id;
        var bareId = (await ws.Store.FindArticleAsync(bare))!.Id;
        Assert.Contains(await ws.Store.EntityOccurrencesAsync(remco.Id), o => o.ArticleId == laterId);
        Assert.DoesNotContain(await ws.Store.EntityOccurrencesAsync(anna.Id), o => o.ArticleId == laterId);
        Assert.DoesNotContain(await ws.Store.EntityOccurrencesAsync(remco.Id), o => o.ArticleId == bareId);
        Assert.DoesNotContain(await ws.Store.EntityOccurrencesAsync(anna.Id), o => o.ArticleId == bareId);
    }

    [SkippableFact]
    public async Task ManualSplitAndMerge_AreRespectedByLaterIngests()
    {
        await using var ws = await host.OpenAsync("c.db");
        await IngestAsync(ws, TestPaths.Seed000);
        var shoigu = (await ws.Store.FindEntityAsync("Sjojgoe"))!;
        var splitId = (await ws.Store.SplitEntityAsync(shoigu.Id, "Sjogjoe")).Correction!.OtherId;
        Assert.DoesNotContain("Sjogjoe", (await ws.Store.FindEntityAsync(shoigu.Id))!.Variants.Keys);

        // A later article that names only "Sjogjoe" goes to the entity the user split off, not back to Sjojgoe.
        var laterPath = _tmp.File("later.txt", " date 2023-10 De Russische minister van Defensie Sjogjoe bezocht opnieuw Pyongyang. Sjogjoe sprak er met generaals.");
        await IngestAsync(ws, laterPath);
        var laterId = (await ws.Store.FindArticleAsync(laterPath))!.Id;
        Assert.Contains(await ws.Store.EntityOccurrencesAsync(splitId), o => o.ArticleId == laterId);
        Assert.DoesNotContain(await ws.Store.EntityOccurrencesAsync(shoigu.Id), o => o.ArticleId == laterId);

        await ws.Store.MergeEntitiesAsync(shoigu.Id, splitId);
        var merged = (await ws.Store.FindEntityAsync(shoigu.Id))!;
        Assert.Contains("Sjogjoe", merged.Variants.Keys);
        var occurrences = await ws.Store.ArticleEntitiesAsync((await ws.Store.ListStoriesAsync()).SelectMany(s => s.Articles).Select(a => a.Id).ToList());
        Assert.DoesNotContain(occurrences, o => o.EntityId == splitId);
    }

    [SkippableFact]
    public async Task APlaceIsNoShortFormOfALongerPlace_AndIsShownUnderItsMostFrequentForm()
    {
        await using var ws = await host.OpenAsync("c.db");
        var region = _tmp.File("region.txt", " date 2019-03-01\nDe Metropoolregio Amsterdam wil meer woningen bouwen. De Metropoolregio Amsterdam telt 32 gemeenten.");
        var city = _tmp.File("city.txt", " date 2019-03-02\nIn Amsterdam is dinsdag een nieuwe brug geopend. Amsterdam had er jaren op gewacht, zei de wethouder van Amsterdam.");
        await IngestAsync(ws, region, city);
        var amsterdam = (await ws.Store.FindEntityAsync("Amsterdam"))!;
        Assert.Equal("Amsterdam", amsterdam.Name);
        Assert.DoesNotContain("Metropoolregio Amsterdam", amsterdam.Variants.Keys);
    }
}

public sealed class SqliteEntityResolutionTests() : EntityResolutionTests(new SqliteHost())
{
}

public sealed class PostgresEntityResolutionTests() : EntityResolutionTests(new PostgresHost())
{
}

/// <summary>Entity resolution on the real DPG corpus (SQLite: what it measures is resolution, not the engine).</summary>
public sealed class EntityResolutionDpgTests : IAsyncLifetime
{
    private readonly SqliteHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [SharedDataFact("dpg2019/articles.jsonl")]
    public async Task DpgTop200_AtLeast95PercentOfTheNamesShownAreRight()
    {
        await using var ws = await host.OpenAsync("dpg.db");
        await EntityResolutionTests.IngestAsync(ws, Path.Combine(TestPaths.SharedData, "dpg2019", "articles.jsonl"));
        var verdicts = EntityNameAudit.Evaluate((await ws.Store.ListEntitiesAsync(int.MaxValue)).ToList(), File.ReadLines(Path.Combine(TestPaths.RepoRoot, "eval", "entities", "dpg-top200-names.tsv")));
        Assert.Equal(200, verdicts.Count);
        var wrong = verdicts.Where(v => !v.IsRight).Select(v => $"{v.Variant} → {v.Shown}").ToList();
        Assert.True(wrong.Count <= 10, $"{wrong.Count} wrong: {string.Join("; ", wrong)}");
    }
}
