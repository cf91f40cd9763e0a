using Chorus.Core.Analysis;
using Chorus.Core.Ingest;
using Chorus.Core.Stories;
using Chorus.Core.Time;

namespace Chorus.Core.Tests.Stories;

public class StoryEngineTests
{
    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    private static AnalyzedArticle Analyze(string text, string? date = "2024-03-08", string? title = null)
        => Analyzer.Analyze(new RawArticle { Ref = "t", Text = text, Title = title, Date = date is null ? null : PartialDate.Parse(date).Value });

    private const string Fire1 = "Bij een brand in een grachtenpand aan de Keizersgracht in Amsterdam zijn vrijdagochtend twee mensen gewond geraakt. De brandweer schaalde op naar grote brand. Bewoners van drie naastgelegen panden werden geëvacueerd.";
    private const string Fire2 = "In de Amsterdamse binnenstad heeft een grote brand gewoed in een pand aan de Keizersgracht. Drie mensen raakten gewond. De brandweer rukte met zes wagens uit en bewoners moesten hun huis uit.";
    private const string Football = "Feyenoord heeft zondag de KNVB-beker gewonnen. In De Kuip werd NEC met 1-0 verslagen door een doelpunt van Giménez in de tweede helft. Trainer Arne Slot sprak van een verdiende zege.";

    [Fact]
    public void Clusterer_JoinsTheSameEvent_AndOpensANewStoryForAnother()
    {
        var clusterer = new StoryClusterer(new ClusteringOptions(), new TermStatistics(new Dictionary<string, int>(), 0));
        var a = clusterer.Assign(ArticleFeatures.From(Analyze(Fire1)), "s1", "brand", false);
        var b = clusterer.Assign(ArticleFeatures.From(Analyze(Fire2)), "s2", "brand", false);
        var c = clusterer.Assign(ArticleFeatures.From(Analyze(Football)), "s3", "beker", false);
        Assert.True(a.OpenedStory);
        Assert.False(b.OpenedStory);
        Assert.Equal("s1", b.StoryId);
        Assert.Contains("keizersgracht", b.SharedNames);
        Assert.True(b.TermSimilarity > 0 && b.NameOverlap > 0 && b.DateProximity == 1);
        Assert.True(c.OpenedStory);
    }

    private static ArticleFeatures Words(params string[] terms)
        => new(terms.ToDictionary(t => t, _ => 1f), new Dictionary<string, float>(), PartialDate.Parse("2014-03-11").Value);

    /// <summary>Two stories about one subject in different words, then an article that uses both stories' words.</summary>
    private static (StoryClusterer Clusterer, Assignment Bridge) Bridged(double mergeThreshold, bool keepApart)
    {
        var options = new ClusteringOptions { TermWeight = 0.9, NameWeight = 0, DateWeight = 0.1, Threshold = 0.3, MergeThreshold = mergeThreshold };
        var clusterer = new StoryClusterer(options, new TermStatistics(new Dictionary<string, int>(), 0));
        foreach (var filler in new[] { "weather", "football", "election", "flood", "concert", "strike" })
        {
            clusterer.Assign(Words(filler, filler + "2", filler + "3"), "f-" + filler, filler, true);
        }

        Assert.True(clusterer.Assign(Words("carney", "scotland", "rbs", "governor"), "a", "a", true).OpenedStory);
        Assert.Equal("a", clusterer.Assign(Words("carney", "scotland", "rbs", "independence"), "a2", "a", true).StoryId);
        Assert.Equal("a", clusterer.Assign(Words("carney", "rbs", "governor", "independence"), "a3", "a", true).StoryId);
        Assert.True(clusterer.Assign(Words("forex", "tapes", "inquiry", "suspended", "governor"), "b", "b", true).OpenedStory);
        if (keepApart)
        {
            clusterer.KeepApart("a", "b");
        }

        return (clusterer, clusterer.Assign(Words("carney", "rbs", "scotland", "forex", "tapes", "inquiry", "governor"), "c", "c", true));
    }

    [Fact]
    public void Clusterer_ArticleThatBridgesTwoStories_MergesTheSmallerIntoTheLarger()
    {
        var (clusterer, bridge) = Bridged(mergeThreshold: 0.1, keepApart: false);
        Assert.False(bridge.OpenedStory);
        Assert.Equal("a", bridge.StoryId);
        Assert.Equal(["b"], bridge.MergedStories);
        Assert.False(clusterer.IsLoaded("b"));
        var dirty = clusterer.TakeDirty();
        Assert.Equal(5, Assert.Single(dirty, s => s.Id == "a").ArticleCount);
        Assert.DoesNotContain(dirty, s => s.Id == "b");
    }

    [Theory]
    [InlineData(0, false)] // no requirement (event granularity)
    [InlineData(1, false)] // one shared word is enough
    [InlineData(2, true)] // one shared word is too little evidence
    public void Clusterer_OneSharedWord_JoinsOnlyWhenOneIsEnough(int minSharedTerms, bool expectOpened)
    {
        var options = new ClusteringOptions { TermWeight = 0.9, NameWeight = 0, DateWeight = 0.1, Threshold = 0.2, MinSharedTerms = minSharedTerms, MinSharedEvidence = 0 };
        var clusterer = new StoryClusterer(options, new TermStatistics(new Dictionary<string, int>(), 0));
        Assert.True(clusterer.Assign(Words("comcast", "netflix", "cards"), "a", "a", true).OpenedStory);
        Assert.Equal("a", clusterer.Assign(Words("comcast", "netflix", "house"), "a2", "a", true).StoryId);

        var housing = clusterer.Assign(Words("house", "bank", "prices"), "b", "b", true);

        Assert.Equal(expectOpened, housing.OpenedStory);
    }

    // The shipped default: a join needs two shared items. A word and a name count as two; a name written as the word
    // ("len" and "@len": a one-word heading that is both) counts once; the article's own day, which every article of
    // that day has, not at all.
    [Theory]
    [InlineData(new[] { "len" }, new[] { "len" }, true)]
    [InlineData(new[] { "len", "#2014-03-11" }, new string[0], true)]
    [InlineData(new[] { "len" }, new[] { "puzzel" }, false)]
    [InlineData(new[] { "len", "#2014-03-08" }, new string[0], false)] // a day the article names besides its own
    public void Clusterer_JoinsOnlyOnTwoSharedItems_ANameWrittenAsAWordAndTheOwnDayNotCounted(string[] words, string[] names, bool expectOpened)
    {
        var options = new ClusteringOptions { TermWeight = 0.5, NameWeight = 0.4, DateWeight = 0.1, Threshold = 0.1 };
        Assert.Equal(2, options.MinSharedEvidence);
        var clusterer = new StoryClusterer(options, new TermStatistics(new Dictionary<string, int>(), 0));
        var story = new ArticleFeatures(
            new Dictionary<string, float> { ["len"] = 1, ["#2014-03-11"] = 1, ["#2014-03-08"] = 1, ["oplossing"] = 1 },
            new Dictionary<string, float> { ["len"] = 1, ["puzzel"] = 1 },
            PartialDate.Parse("2014-03-11").Value);
        Assert.True(clusterer.Assign(story, "a", "a", true).OpenedStory);

        var article = new ArticleFeatures(words.ToDictionary(w => w, _ => 1f), names.ToDictionary(n => n, _ => 1f), PartialDate.Parse("2014-03-11").Value);
        Assert.Equal(expectOpened, clusterer.Assign(article, "b", "b", true).OpenedStory);
    }

    // A listed place is one shared item however it is written: an English and a German article about two events in
    // Berlin share the word "berlin" and the name key "berlijn", which is the city once. A second shared word joins.
    [Theory]
    [InlineData(new[] { "berlin", "marathon", "strass" }, true)]
    [InlineData(new[] { "berlin", "marathon", "miet" }, false)]
    public void Clusterer_AListedNameWrittenAsAWord_CountsOnceAsEvidence(string[] words, bool expectOpened)
    {
        Assert.Equal("berlijn", Chorus.Core.Entities.TranslatedNames.Default.KeyOfFolded("berlin"));
        var options = new ClusteringOptions { Threshold = 0.05, AnchorFloor = double.PositiveInfinity };
        var clusterer = new StoryClusterer(options, new TermStatistics(new Dictionary<string, int>(), 0));
        var day = PartialDate.Parse("2024-04-06").Value;
        var story = new ArticleFeatures(new Dictionary<string, float> { ["berlin"] = 1, ["march"] = 1, ["rent"] = 1, ["miet"] = 1 }, new Dictionary<string, float> { ["berlijn"] = 1 }, day) { Lang = "en" };
        Assert.True(clusterer.Assign(story, "a", "a", true).OpenedStory);

        var article = new ArticleFeatures(words.ToDictionary(w => w, _ => 1f), new Dictionary<string, float> { ["berlijn"] = 1 }, day) { Lang = "de" };
        Assert.Equal(expectOpened, clusterer.Assign(article, "b", "b", true).OpenedStory);
    }

    // Across languages the article's own day is not evidence (every article of that day has it; date proximity counts
    // it already): a German piece sharing only the day with an English story stays apart, one that names the day
    // before, as the story does, joins.
    [Theory]
    [InlineData("#2024-05-20", true)]
    [InlineData("#2024-05-19", false)]
    public void Clusterer_AcrossLanguages_CountsDaysOtherThanTheArticlesOwn(string namedDay, bool expectOpened)
    {
        var options = new ClusteringOptions { MinSharedEvidence = 0 };
        var clusterer = new StoryClusterer(options, new TermStatistics(new Dictionary<string, int>(), 0));
        var day = PartialDate.Parse("2024-05-20").Value;
        var story = new ArticleFeatures(new Dictionary<string, float> { ["avalanch"] = 1, ["#2024-05-20"] = 1, ["#2024-05-19"] = 1 }, new Dictionary<string, float>(), day) { Lang = "en" };
        Assert.True(clusterer.Assign(story, "a", "a", true).OpenedStory);

        var article = new ArticleFeatures(new Dictionary<string, float> { ["lawin"] = 1, ["#2024-05-20"] = 1, [namedDay] = 1 }, new Dictionary<string, float>(), day) { Lang = "de" };
        var assigned = clusterer.Assign(article, "b", "b", true);
        Assert.Equal(expectOpened, assigned.OpenedStory);
    }

    public enum AnchorCase
    {
        TitledPerson,
        NotAPersonOrPlaceInTheTitle,
        HeldByAnotherStoryToo,
        CarriedByOtherArticles,
        NotAmongTheStorysStrongest,
        AmongRarerNamesOfThePiece,
        SwitchedOff,
    }

    // An angle piece ("Bloemen voor Navalny bij Russische ambassade") shares few words with the wire copy: it joins below
    // the threshold only on a person or place its title names that is the story's own: among the story's three strongest
    // names, held by no other candidate, carried in the window by the story's articles alone.
    [Theory]
    [InlineData(AnchorCase.TitledPerson, false)]
    [InlineData(AnchorCase.NotAPersonOrPlaceInTheTitle, true)]
    [InlineData(AnchorCase.HeldByAnotherStoryToo, true)]
    [InlineData(AnchorCase.CarriedByOtherArticles, true)]
    [InlineData(AnchorCase.NotAmongTheStorysStrongest, true)]
    [InlineData(AnchorCase.AmongRarerNamesOfThePiece, false)]
    [InlineData(AnchorCase.SwitchedOff, true)]
    public void Clusterer_AnglePiece_JoinsBelowTheThreshold_OnlyOnTheStorysOwnName(AnchorCase @case, bool expectOpened)
    {
        var options = new ClusteringOptions { AnchorFloor = @case == AnchorCase.SwitchedOff ? double.PositiveInfinity : new ClusteringOptions().AnchorFloor };
        var clusterer = new StoryClusterer(options, new TermStatistics(new Dictionary<string, int>(), 0));
        var day = PartialDate.Parse("2024-02-16").Value;
        ArticleFeatures Article(string[] words, string[] names) => new(words.ToDictionary(w => w, _ => 1f), names.ToDictionary(n => n, _ => 1f), day) { Lang = "nl" };
        foreach (var filler in new[] { "storm", "verkiezing", "staking", "concert", "beurs", "rechtszaak" })
        {
            clusterer.Assign(Article([filler, filler + "2", filler + "3"], [filler + "stad"]), "f-" + filler, filler, true);
        }

        string[] storyNames = @case == AnchorCase.NotAmongTheStorysStrongest ? ["poetin", "kremlin", "moskou", "navalny"] : ["navalny", "poetin"];
        var wire = Article(["overled", "strafkamp", "oppositieleider", "gevangenis", "kritikus"], storyNames);
        if (@case == AnchorCase.NotAmongTheStorysStrongest)
        {
            // The story's centroid weighs its three other names above the one the article shares.
            wire = wire with { Names = new Dictionary<string, float> { ["poetin"] = 4, ["kremlin"] = 4, ["moskou"] = 4, ["navalny"] = 1 } };
        }

        Assert.True(clusterer.Assign(wire, "a", "a", true).OpenedStory);
        Assert.Equal("a", clusterer.Assign(wire with { Terms = new Dictionary<string, float> { ["overled"] = 1, ["strafkamp"] = 1, ["oppositieleider"] = 1, ["arctisch"] = 1 } }, "a2", "a", true).StoryId);
        if (@case == AnchorCase.HeldByAnotherStoryToo)
        {
            // Two more articles of the story without names: the window's count of the name alone would allow it.
            Assert.Equal("a", clusterer.Assign(wire with { Names = new Dictionary<string, float>() }, "a3", "a", true).StoryId);
            Assert.Equal("a", clusterer.Assign(wire with { Names = new Dictionary<string, float>() }, "a4", "a", true).StoryId);
            Assert.True(clusterer.Assign(Article(["herdenk", "ambassade", "rouw"], ["navalny", "julia"]), "b", "b", true).OpenedStory);
            Assert.Equal("b", clusterer.Assign(Article(["herdenk", "ambassade", "kaars"], ["navalny", "julia"]), "b2", "b", true).StoryId);
        }

        if (@case == AnchorCase.CarriedByOtherArticles)
        {
            // Named in passing among many others: the stories of these articles are not found under the name, but
            // the window has seen it outside the story.
            foreach (var other in new[] { "c", "d" })
            {
                var many = Enumerable.Range(0, 25).ToDictionary(i => other + "naam" + i, _ => 3f);
                many["navalny"] = 1;
                clusterer.Assign(Article(["boek", "recensie", other + "uitgever"], []) with { Names = many }, other, other, true);
            }
        }

        // A human-interest piece names the people it speaks to and where they live: names rarer than the story's own,
        // which its title names all the same.
        string[] pieceNames = @case == AnchorCase.AmongRarerNamesOfThePiece ? ["navalny", "den haag", "kevin", "smit", "tilburg", "branding"] : ["navalny", "den haag"];
        var piece = Article(["bloem", "overled", "rij", "wacht"], pieceNames) with
        {
            AnchorNames = @case == AnchorCase.NotAPersonOrPlaceInTheTitle ? new HashSet<string>() : new HashSet<string> { "navalny" },
        };
        var assigned = clusterer.Assign(piece, "p", "p", true);

        Assert.Equal(expectOpened, assigned.OpenedStory);
        if (expectOpened)
        {
            // Kept apart by the anchor's conditions, not by a score too low for any anchor.
            Assert.Null(assigned.AnchorName);
            Assert.InRange(assigned.BestRejectedScore, new ClusteringOptions().AnchorFloor, options.Threshold);
        }
        else
        {
            Assert.Equal("a", assigned.StoryId);
            Assert.Equal("navalny", assigned.AnchorName);
            Assert.InRange(assigned.Score, options.AnchorFloor, options.Threshold);
        }
    }

    // The names that may anchor an angle piece, read from analysed text: the people and places its title names, in
    // German too (German title words are no name keys, German capitalises every noun; the tagger says which are names).
    [Theory]
    [InlineData("de", "Blumen für Nawalny vor der Botschaft", "Vor der russischen Botschaft in Berlin legten am Abend Hunderte Menschen Blumen nieder. Auf vielen Schildern stand: Danke, Nawalny.", "navalni", "botschaft", "Berlin")]
    [InlineData("nl", "Bloemen voor Navalny bij ambassade", "Bij de Russische ambassade in Utrecht legden zaterdag honderden mensen bloemen. Op borden stond: dank je, Navalny.", "navalni", "ambassade", "Utrecht")]
    [InlineData("en", "Flowers for Navalny at embassy", "Hundreds of people laid flowers at the Russian embassy in London on Saturday. Signs read: thank you, Navalny.", "navalni", "flowers", "London")]
    // A place the title names by its adjective: "IJslandse" names IJsland as much as "IJsland" does.
    [InlineData("nl", "Zwolse vrouw zag haar IJslandse huis verdwijnen", "Anna de Vries, geboren in Zwolle en getrouwd met een IJslandse visser, zag op tv hoe de lava haar huis in Grindavík bereikte.", "ijsland", "huis", "Zwolle")]
    // A name the title writes as the text does, though its words are no title names: German title words are kept only
    // when listed or tagged alone, and "Den Haag" came out as "Haag".
    [InlineData("de", "Brand in Kirche in Den Haag", "Am Dienstag ist eine alte Kirche in Den Haag ausgebrannt. Die Feuerwehr aus Rotterdam half beim Löschen.", "den haag", "kirche", "Rotterdam")]
    public void AnchorNames_AreThePeopleAndPlacesTheTitleNames(string lang, string title, string text, string expected, string notExpected, string placeOfTheText)
    {
        var analyzed = Analyze(text, "2024-02-17", title);
        Assert.Equal(lang, analyzed.Lang);
        var features = ArticleFeatures.From(analyzed);
        Assert.Contains(expected, features.AnchorNames);
        Assert.DoesNotContain(notExpected, features.AnchorNames);
        // A place the text names and the title does not: a name key of the article, no anchor.
        var placeKey = Assert.Single(features.NameForms!, kv => string.Equals(kv.Value, placeOfTheText, StringComparison.OrdinalIgnoreCase) || kv.Key == Chorus.Core.Entities.TranslatedNames.Default.KeyOf(placeOfTheText)).Key;
        Assert.Contains(placeKey, features.Names.Keys);
        Assert.DoesNotContain(placeKey, features.AnchorNames);
    }

    // A Dutch or German compound counts its head as well: "seinstoring", "kabelstoring" and "storing" are one event's
    // words, where the stemmer reads the first two as "seinstor" and "kabelstor".
    [Theory]
    [InlineData("De seinstoring legde dinsdagochtend het treinverkeer rond Utrecht urenlang plat.", "storing")]
    [InlineData("Der Bahnstreik legte am Dienstag den Verkehr in ganz Deutschland lahm.", "streik")]
    [InlineData("Door de onderwijsstakingen van dinsdag bleven honderden scholen dicht.", "staking")] // a plural's ending off first
    [InlineData("Die Bahnstreiks der letzten Wochen legten den Verkehr lahm.", "streik")]
    public void Features_CountACompoundsHead(string text, string head)
    {
        var features = ArticleFeatures.From(Analyze(text, "2024-05-14", null));
        Assert.Contains(head, features.Terms.Keys);
    }

    // Across languages stems are rarely shared: the shared name with the shared translated concepts is the evidence a
    // join needs ("Brand verwoest historische beurs van Kopenhagen" and "Fire destroys Copenhagen's historic stock
    // exchange" share the city and four concepts, no stem). One concept beside the name is not enough.
    [Theory]
    [InlineData(4, false)]
    [InlineData(1, true)]
    public void Clusterer_AcrossLanguages_SharedConceptsCountAsEvidence(int sharedConcepts, bool expectOpened)
    {
        var clusterer = new StoryClusterer(new ClusteringOptions(), new TermStatistics(new Dictionary<string, int>(), 0));
        var day = PartialDate.Parse("2024-04-16").Value;
        string[] concepts = ["~fire", "~destroy", "~historic", "~exchange"];
        var story = new ArticleFeatures(new Dictionary<string, float> { ["fire"] = 1, ["destroy"] = 1, ["historic"] = 1, ["stock"] = 1, ["exchang"] = 1 }, new Dictionary<string, float> { ["kopenhagen"] = 1 }, day)
        {
            Lang = "en",
            Concepts = concepts.ToDictionary(c => c, _ => 1f),
        };
        Assert.True(clusterer.Assign(story, "a", "a", true).OpenedStory);

        var article = new ArticleFeatures(new Dictionary<string, float> { ["brand"] = 1, ["verwoest"] = 1, ["historisch"] = 1, ["beur"] = 1 }, new Dictionary<string, float> { ["kopenhagen"] = 1 }, day)
        {
            Lang = "nl",
            Concepts = concepts.Take(sharedConcepts).Append("~ander").ToDictionary(c => c, _ => 1f),
        };
        Assert.Equal(expectOpened, clusterer.Assign(article, "b", "b", true).OpenedStory);
    }

    // Across languages an article that shares no name with a story joins it only when the story carries a person or place
    // the article's title names (or the title names none): a German report of a church fire in Den Haag shares "brand",
    // "historisch" and its day with a Dutch story of a fire in Copenhagen, never the city.
    [Theory]
    [InlineData("den haag", "den haag", true)]
    [InlineData("kopenhagen", "kopenhagen", false)] // a name in common
    [InlineData("den haag", null, false)] // the title names no one: the words decide
    public void Clusterer_AcrossLanguages_WithoutANameInCommon_TheTitlesPlaceDecides(string name, string? titleName, bool expectOpened)
    {
        var clusterer = new StoryClusterer(new ClusteringOptions(), new TermStatistics(new Dictionary<string, int>(), 0));
        var day = PartialDate.Parse("2024-04-16").Value;
        var story = new ArticleFeatures(new Dictionary<string, float> { ["brand"] = 2, ["historisch"] = 1, ["beur"] = 1, ["verwoest"] = 1 }, new Dictionary<string, float> { ["kopenhagen"] = 1 }, day) { Lang = "nl" };
        Assert.True(clusterer.Assign(story, "a", "a", true).OpenedStory);

        var article = new ArticleFeatures(new Dictionary<string, float> { ["brand"] = 2, ["historisch"] = 1, ["kirch"] = 1 }, new Dictionary<string, float> { [name] = 1 }, day)
        {
            Lang = "de",
            AnchorNames = titleName is null ? new HashSet<string>() : new HashSet<string> { titleName },
        };
        Assert.Equal(expectOpened, clusterer.Assign(article, "b", "b", true).OpenedStory);
    }

    // Arrival order repaired: an article that came before the story it belongs to had grown opened a story of its own;
    // once the story grows, it is compared again as if it came now, and joins. Same stories in either order.
    [Fact]
    public void Clusterer_AOneArticleStory_JoinsTheStoryItWouldJoinNow_WhenThatStoryGrows()
    {
        var day = PartialDate.Parse("2024-05-14").Value;
        ArticleFeatures Article(params string[] words) => new(words.ToDictionary(w => w, _ => 1f), new Dictionary<string, float>(), day) { Lang = "nl" };
        // The second report shares the first's name (ProRail) as well as the follow-up's words: it joins the first.
        var a = Article("sein", "stor", "utrecht", "trein", "plat") with { Names = new Dictionary<string, float> { ["prorail"] = 1 } };
        var b = Article("sein", "stor", "utrecht", "trein", "plat", "chaos", "reiziger", "kabel") with { Names = a.Names };
        var t = Article("chaos", "reiziger", "kabel", "stor", "rover");

        StoryClusterer WithOtherNews()
        {
            var clusterer = new StoryClusterer(new ClusteringOptions(), new TermStatistics(new Dictionary<string, int>(), 0));
            foreach (var other in new[] { "storm", "verkiezing", "concert", "beurs", "rechtszaak", "voetbal" })
            {
                clusterer.Assign(Article(other, other + "2", other + "3"), other, other, true);
            }

            return clusterer;
        }

        var early = WithOtherNews();
        Assert.True(early.Assign(a, "a", "a", true).OpenedStory);
        Assert.True(early.Assign(t, "t", "t", true).OpenedStory);
        var grown = early.Assign(b, "b", "b", true);
        Assert.Equal("a", grown.StoryId);
        Assert.Equal(["t"], grown.MergedStories);
        Assert.False(early.IsLoaded("t"));

        // The article moved says so (--why), with the signals of the comparison that moved it, not "opened the story".
        var (absorbed, moved) = Assert.Single(early.TakeRejoined());
        Assert.Equal("t", absorbed);
        Assert.Equal(("a", false, ComparedAgain.WhenStoryGrew, "t"), (moved.StoryId, moved.OpenedStory, moved.ComparedAgain, moved.FirstOpened));
        Assert.True(moved.Score > 0);
        Assert.Contains("chaos", moved.SharedTerms);
        Assert.Empty(early.TakeRejoined());

        var late = WithOtherNews();
        late.Assign(a, "a", "a", true);
        late.Assign(b, "b", "b", true);
        Assert.Equal("a", late.Assign(t, "t", "t", true).StoryId);
    }

    // A batch settled: two reports of one event met while the words that set them apart were still rare; by the end of
    // the batch other news has made those words common, the shared ones carry the comparison, and the first report,
    // compared again, joins the second. Its explanation is the one of that comparison.
    [Fact]
    public void Clusterer_Settle_MovesAOneArticleStory_AndExplainsWhy()
    {
        var day = PartialDate.Parse("2024-05-14").Value;
        ArticleFeatures Article(params string[] words) => new(words.ToDictionary(w => w, _ => 1f), new Dictionary<string, float>(), day) { Lang = "nl" };
        var clusterer = new StoryClusterer(new ClusteringOptions(), new TermStatistics(new Dictionary<string, int>(), 0));
        Assert.True(clusterer.Assign(Article("dijk", "doorbrak", "regen", "wind", "school", "markt"), "a", "a", true).OpenedStory);
        Assert.True(clusterer.Assign(Article("dijk", "doorbrak", "brug", "trein", "haven", "kerk"), "b", "b", true).OpenedStory);
        var other = 0;
        foreach (var common in new[] { "regen", "wind", "school", "markt", "brug", "trein", "haven", "kerk" })
        {
            for (var i = 0; i < 6; i++, other++)
            {
                clusterer.Assign(Article(common, "x" + other, "y" + other, "z" + other), "o" + other, "o" + other, true);
            }
        }

        clusterer.TakeRejoined();
        var merges = clusterer.Settle();
        var (absorbed, survivor) = Assert.Single(merges, m => m.Absorbed is "a" or "b");
        var (rejoined, moved) = Assert.Single(clusterer.TakeRejoined(), r => r.Absorbed == absorbed);
        Assert.Equal((survivor, false, ComparedAgain.AfterBatch, absorbed), (moved.StoryId, moved.OpenedStory, moved.ComparedAgain, moved.FirstOpened));
        Assert.Contains("dijk", moved.SharedTerms);
        Assert.Equal(absorbed, rejoined);
    }

    [Theory]
    [InlineData("Kort nieuws", true)]
    [InlineData("kort nieuws amsterdam", true)]
    [InlineData("News in brief", true)]
    [InlineData("Kurz notiert: Bayern", true)]
    [InlineData("In Kürze", true)]
    [InlineData("Bert Habets weg als topman bij RTL Group. Kort", false)] // one brief with a headline of its own
    [InlineData("Kort geding tegen Shell over klimaatbeleid begint", false)]
    [InlineData("Kort maar krachtig", false)]
    [InlineData("Kort", true)]
    [InlineData("Brief an die Kanzlerin", false)]
    [InlineData(null, false)]
    public void DigestHeadings_NameARoundUp_NotABriefWithItsOwnHeadline(string? title, bool digest)
        => Assert.Equal(digest, DigestHeadings.IsDigestTitle(title));

    // A round-up of unrelated items ("Kort nieuws": a Boeing grounding, Maduro, a mine in Sulawesi) reports many events:
    // it opens a story of its own, and a report of one of its events does not join it, even word for word.
    [Fact]
    public void Clusterer_ADigest_OpensAStoryOfItsOwn_ThatNoReportJoins()
    {
        var clusterer = new StoryClusterer(new ClusteringOptions(), new TermStatistics(new Dictionary<string, int>(), 0));
        var day = PartialDate.Parse("2019-03-12").Value;
        var words = new Dictionary<string, float> { ["boeing"] = 2, ["737"] = 1, ["vlieg"] = 1, ["grond"] = 1, ["maduro"] = 1, ["venezuela"] = 1 };
        var digest = clusterer.Assign(new ArticleFeatures(words, new Dictionary<string, float> { ["boeing"] = 1, ["maduro"] = 1 }, day) { Lang = "nl", IsDigest = true }, "d", "Kort nieuws", true);
        Assert.True(digest.OpenedStory);
        Assert.True(digest.Digest);

        var report = clusterer.Assign(new ArticleFeatures(words, new Dictionary<string, float> { ["boeing"] = 1, ["maduro"] = 1 }, day) { Lang = "nl" }, "r", "Boeing", true);
        Assert.True(report.OpenedStory);
        Assert.Null(report.ClosestStory);
        Assert.Equal("r", clusterer.Assign(new ArticleFeatures(words, new Dictionary<string, float> { ["boeing"] = 1 }, day) { Lang = "nl" }, "r2", "Boeing", true).StoryId);

        // Loaded again from the store (a later run), the digest's story is still no candidate.
        var stored = clusterer.TakeDirty().Single(p => p.Id == "d");
        Assert.True(stored.IsDigest);
        var later = new StoryClusterer(new ClusteringOptions(), new TermStatistics(new Dictionary<string, int>(), 0));
        later.Load(stored);
        Assert.Null(later.Assign(new ArticleFeatures(words, new Dictionary<string, float> { ["boeing"] = 1 }, day) { Lang = "nl" }, "r3", "Boeing", true).ClosestStory);
    }

    // Days and figures read the same in every language: an article's own words, however many, do not crowd them out of
    // the query that finds its candidate stories.
    [Fact]
    public void Clusterer_FindsAStoryInAnotherLanguage_ByDaysAndFigures_WhateverElseTheArticleSays()
    {
        var clusterer = new StoryClusterer(new ClusteringOptions(), new TermStatistics(new Dictionary<string, int>(), 0));
        var day = PartialDate.Parse("2024-05-20").Value;
        var story = new ArticleFeatures(new Dictionary<string, float> { ["avalanch"] = 1, ["#n:3"] = 1, ["#n:3700"] = 1 }, new Dictionary<string, float>(), day) { Lang = "en" };
        Assert.True(clusterer.Assign(story, "a", "a", true).OpenedStory);

        var words = Enumerable.Range(0, 30).ToDictionary(i => "wort" + i, _ => 3f);
        words["#n:3"] = 1;
        words["#n:3700"] = 1;
        var assigned = clusterer.Assign(new ArticleFeatures(words, new Dictionary<string, float>(), day) { Lang = "de" }, "b", "b", true);
        Assert.True(assigned.StoryId == "a" || assigned.ClosestStory == "a", "the other-language story was no candidate");
    }

    [Theory]
    [InlineData(double.PositiveInfinity, false)] // merging switched off
    [InlineData(0.95, false)] // the stories' own centroids disagree
    [InlineData(0.1, true)] // a user separated them
    public void Clusterer_DoesNotMerge_WhenOffDissimilarOrKeptApart(double mergeThreshold, bool keepApart)
    {
        var (clusterer, bridge) = Bridged(mergeThreshold, keepApart);
        Assert.False(bridge.OpenedStory);
        Assert.Empty(bridge.MergedStories);
        Assert.True(clusterer.IsLoaded("a") && clusterer.IsLoaded("b"));
    }

    [Fact]
    public void TermStatistics_ForgetTermsUnseenSinceADay_AndKeepPendingCountsForTheStore()
    {
        var stats = new TermStatistics(new Dictionary<string, int> { ["stored"] = 40 }, 100);
        static ArticleFeatures On(string date, params string[] terms)
            => new(terms.ToDictionary(t => t, _ => 1f), new Dictionary<string, float>(), PartialDate.Parse(date).Value);
        stats.AddDocument(On("2024-01-01", "old", "both"));
        stats.AddDocument(On("2024-03-01", "new", "both"));
        var rareBefore = stats.Idf("old");
        stats.Forget(new DateOnly(2024, 2, 1));

        // "old" was last seen in January, and the stored count stands for the first day of the stream: both are
        // forgotten and count as never seen; "both" (df 2) and "new" (df 1) stay.
        Assert.Equal(2, stats.Count);
        Assert.Equal(stats.Idf("never-seen"), stats.Idf("stored"));
        Assert.Equal(stats.Idf("never-seen"), stats.Idf("old"));
        Assert.True(stats.Idf("old") > rareBefore);
        Assert.True(stats.Idf("both") < stats.Idf("new"));
        var pending = stats.TakePending();
        Assert.Equal(1, pending["old"]);
        Assert.Equal(2, pending["both"]);
        stats.Forget(new DateOnly(2023, 12, 1));
        Assert.Equal(2, stats.Count);
        Assert.Empty(stats.TakePending());
    }

    [Fact]
    public void TermStatistics_AKeyForgottenAndCountedAgain_BeforeTheCountsAreTaken_CountsEveryTime()
    {
        var stats = new TermStatistics(new Dictionary<string, int>(), 0);
        static ArticleFeatures On(string date, string[] terms, string[] names)
            => new(terms.ToDictionary(t => t, _ => 1f), names.ToDictionary(n => n, _ => 1f), PartialDate.Parse(date).Value);
        stats.AddDocument(On("2024-01-01", ["storm", "dijk"], ["Zeeland"]));
        stats.Forget(new DateOnly(2024, 2, 1));
        Assert.Equal(0, stats.Count);
        stats.AddDocument(On("2024-03-01", ["storm"], ["Zeeland"]));
        stats.AddDocument(On("2024-03-02", ["storm"], ["Zeeland"]));

        // The store keeps every count, the one made before the term was forgotten too; in memory only the new ones.
        var pending = stats.TakePending();
        Assert.Equal(new Dictionary<string, int> { ["storm"] = 3, ["dijk"] = 1, ["@Zeeland"] = 3 }, pending);
        Assert.Equal(2, stats.Count);
        Assert.Equal(stats.Idf("storm"), stats.Idf("@", "Zeeland"));
        Assert.Empty(stats.TakePending());
        stats.AddDocument(On("2024-03-03", ["storm"], []));
        Assert.Equal(new Dictionary<string, int> { ["storm"] = 1 }, stats.TakePending());
    }

    [Fact]
    public void Clusterer_DoesNotJoinAStoryOutsideTheTimeWindow()
    {
        var clusterer = new StoryClusterer(new ClusteringOptions(), new TermStatistics(new Dictionary<string, int>(), 0));
        clusterer.Assign(ArticleFeatures.From(Analyze(Fire1, "2024-03-08")), "s1", "brand", false);
        var later = clusterer.Assign(ArticleFeatures.From(Analyze(Fire1 + " Later meer.", "2024-06-01")), "s2", "brand", false);
        Assert.True(later.OpenedStory);
    }

    [Fact]
    public void Clusterer_MonthPrecisionDate_OverlapsEveryDayOfItsMonth()
    {
        var profile = new StoryProfile { Id = "s", Title = "t" };
        profile.Add(ArticleFeatures.From(Analyze(Fire1, "2023-09")));
        Assert.Equal(0, profile.DaysFrom(PartialDate.Parse("2023-09-30").Value));
        Assert.Equal(1, profile.DaysFrom(PartialDate.Parse("2023-10-01").Value));
    }

    [Fact]
    public void StoryCentre_IsTheMeanDay_WhileTheRangeOnlyWidens()
    {
        var profile = new StoryProfile { Id = "s", Title = "t" };
        foreach (var day in new[] { "2014-03-10", "2014-03-10", "2014-03-10", "2014-03-11" })
        {
            profile.Add(new ArticleFeatures(new Dictionary<string, float> { ["stocks"] = 1 }, new Dictionary<string, float>(), PartialDate.Parse(day).Value));
        }

        var nextDay = PartialDate.Parse("2014-03-11").Value;
        Assert.Equal(0, profile.DaysFrom(nextDay));
        Assert.Equal(0.75, profile.DaysFromMean(nextDay));
        // A month-precision date counts from the middle of its month (16 March).
        var month = new StoryProfile { Id = "m", Title = "m" };
        month.Add(new ArticleFeatures(new Dictionary<string, float> { ["stocks"] = 1 }, new Dictionary<string, float>(), PartialDate.Parse("2014-03").Value));
        Assert.Equal(5, month.DaysFromMean(nextDay));
        // A month-precision article is as close as any day of its month.
        Assert.Equal(0, profile.DaysFromMean(PartialDate.Parse("2014-03").Value));
        Assert.Equal(3.75, profile.DaysFromMean(PartialDate.Parse("2014-03-14").Value));
        Assert.Null(profile.DaysFromMean(null));
    }

    [Theory]
    [InlineData(false, 1.0)] // inside the story's range: full proximity
    [InlineData(true, 0.5946)] // 0.75 days from its centre, half-life one day: 0.5^0.75
    public void Clusterer_DateProximity_CountsFromTheCentre_WhenAsked(bool fromCentre, double proximity)
    {
        var options = new ClusteringOptions { TermWeight = 0.9, NameWeight = 0, DateWeight = 0.1, Threshold = 0.2, DateHalfLifeDays = 1, DateFromCentre = fromCentre };
        var clusterer = new StoryClusterer(options, new TermStatistics(new Dictionary<string, int>(), 0));
        ArticleFeatures Report(string day) => new(new Dictionary<string, float> { ["stocks"] = 1, ["china"] = 1, ["lower"] = 1 }, new Dictionary<string, float>(), PartialDate.Parse(day).Value);
        clusterer.Assign(Report("2014-03-10"), "s", "s", true);
        clusterer.Assign(Report("2014-03-10"), "s2", "s", true);
        clusterer.Assign(Report("2014-03-10"), "s3", "s", true);
        clusterer.Assign(Report("2014-03-11"), "s4", "s", true);

        var next = clusterer.Assign(Report("2014-03-11"), "s5", "s", true);

        Assert.Equal("s", next.StoryId);
        Assert.Equal(proximity, next.DateProximity, 3);
    }

    [Fact]
    public void MinHash_SeparatesCopiesFromOtherTexts()
    {
        var original = Analyze(Fire1 + " " + Fire2);
        var copy = Analyze(Fire1 + " " + Fire2.Replace("zes wagens", "vijf wagens", StringComparison.Ordinal));
        var other = Analyze(Football + " " + Football.Replace("zondag", "gisteren", StringComparison.Ordinal));
        var so = MinHasher.Signature(original)!;
        Assert.Equal(1.0, MinHasher.Similarity(so, MinHasher.Signature(Analyze(Fire1 + " " + Fire2))!));
        Assert.True(MinHasher.Similarity(so, MinHasher.Signature(copy)!) >= 0.8);
        Assert.True(MinHasher.Similarity(so, MinHasher.Signature(other)!) < 0.2);
        Assert.Null(MinHasher.Signature(Analyze("Te kort.")));
        Assert.Equal(MinHasher.BandKeys(so), MinHasher.BandKeys(MinHasher.Signature(Analyze(Fire1 + " " + Fire2))!));
    }

    [Fact]
    public void MinHash_AReprintWithAddedTextContainsItsOriginal()
    {
        var original = MinHasher.Signature(Analyze(Fire1 + " " + Fire2))!;
        var reprint = MinHasher.Signature(Analyze("Het was een zware nacht voor de bewoners van de binnenstad, die pas tegen de ochtend terug mochten. " + Fire1 + " " + Fire2 + " " + Football))!;
        var other = MinHasher.Signature(Analyze(Football + " " + Football.Replace("zondag", "gisteren", StringComparison.Ordinal)))!;
        Assert.True(MinHasher.Similarity(original, reprint) < 0.8);
        Assert.True(MinHasher.Containment(original, reprint) >= 0.85, $"containment {MinHasher.Containment(original, reprint)}");
        Assert.True(MinHasher.Containment(original, other) < 0.3);
        Assert.Null(MinHasher.Containment(original, original[..MinHasher.SignatureSize]));
    }

    [Fact]
    public void NameStage_FindsMultiWordNames_AndSkipsCapitalisedSentenceStarts()
    {
        var a = Analyze("De Noord-Koreaanse leider Kim Jong-un reist naar Vladivostok. Kim ontmoet daar Poetin. Remco Breuker van de Universiteit Leiden legt het uit.");
        var names = a.Names.Select(n => a.Raw.Text[n.Start..n.End]).ToList();
        Assert.Contains("Kim Jong-un", names);
        Assert.Contains("Vladivostok", names);
        Assert.Contains("Poetin", names);
        Assert.Contains("Kim", names);
        Assert.Contains("Universiteit Leiden", names);
        Assert.DoesNotContain("De", names);
    }
}

public class StoryClustererEvictionTests
{
    [Fact]
    public void Evicted_Stories_AreNoLongerCandidates_UntilLoadedAgain()
    {
        var analyzer = ArticleAnalyzer.CreateDefault();
        ArticleFeatures Features(string date) => ArticleFeatures.From(analyzer.Analyze(new RawArticle
        {
            Ref = "t",
            Text = "De brand aan de Keizersgracht in Amsterdam verwoestte een grachtenpand. Twee bewoners raakten gewond bij de brand.",
            Date = PartialDate.Parse(date).Value,
        }));
        var clusterer = new StoryClusterer(new ClusteringOptions { WindowDays = 400 }, new TermStatistics(new Dictionary<string, int>(), 0));
        clusterer.Assign(Features("2024-03-08"), "s1", "brand", false);
        var story = Assert.Single(clusterer.TakeDirty());
        clusterer.Evict(new DateOnly(2024, 6, 1));
        Assert.False(clusterer.IsLoaded("s1"));
        clusterer.Load(story);
        Assert.Equal("s1", clusterer.Assign(Features("2024-03-09"), "s2", "brand", false).StoryId);

        var other = new StoryClusterer(new ClusteringOptions { WindowDays = 400 }, new TermStatistics(new Dictionary<string, int>(), 0));
        other.Assign(Features("2024-03-08"), "s1", "brand", false);
        other.TakeDirty();
        other.Evict(new DateOnly(2024, 6, 1));
        Assert.True(other.Assign(Features("2024-03-09"), "s2", "brand", false).OpenedStory);
    }
}
