using Chorus.Core.Analysis;
using Chorus.Core.Extraction.Ner;
using Chorus.Core.Ingest;
using CsCheck;
using Chorus.Evaluation;

namespace Chorus.Core.Tests.Extraction;

public class ConllEvaluatorTests
{
    private static NerScores Score(string gold, string predicted)
        => ConllEvaluator.Evaluate([(gold.Split(' '), predicted.Split(' '))]);

    [Theory]
    // gold, predicted, correct, predicted chunks, gold chunks
    [InlineData("B-PER I-PER O B-LOC", "B-PER I-PER O B-LOC", 2, 2, 2)]
    [InlineData("B-PER I-PER O B-LOC", "B-PER O O B-LOC", 1, 2, 2)]          // span too short
    [InlineData("B-PER I-PER O B-LOC", "B-ORG I-ORG O B-LOC", 1, 2, 2)]      // wrong type
    [InlineData("B-PER I-PER O O", "O O O O", 0, 0, 1)]                      // missed
    [InlineData("O O O O", "B-MISC O O O", 0, 1, 0)]                         // spurious
    [InlineData("B-PER B-PER O O", "B-PER I-PER O O", 0, 1, 2)]              // two names, not one
    [InlineData("O I-LOC I-LOC O", "O B-LOC I-LOC O", 1, 1, 1)]              // I- after O starts a chunk, as in conlleval
    [InlineData("B-LOC I-PER O O", "B-LOC B-PER O O", 2, 2, 2)]              // I- of another type starts a chunk
    public void Evaluate_CountsChunksExactlyAsConllevalDoes(string gold, string predicted, int correct, int predictedChunks, int goldChunks)
    {
        var overall = Score(gold, predicted).Overall;
        Assert.Equal((correct, predictedChunks, goldChunks), (overall.Correct, overall.Predicted, overall.Gold));
    }

    [Fact]
    public void Evaluate_MicroAveragesOverTypes_AndReportsEachType()
    {
        var scores = ConllEvaluator.Evaluate(
        [
            ("B-PER I-PER O B-LOC".Split(' '), "B-PER I-PER O B-ORG".Split(' ')),
            ("B-LOC O B-MISC".Split(' '), "B-LOC O B-MISC".Split(' ')),
        ]);
        Assert.Equal(75, scores.Overall.Precision, 6);
        Assert.Equal(75, scores.Overall.Recall, 6);
        Assert.Equal(100, scores.Types["PER"].F1, 6);
        Assert.Equal(50, scores.Types["LOC"].Recall, 6);
        Assert.Equal(0, scores.Types["ORG"].Precision, 6);
    }
}

public class ConllFormatTests
{
    [Fact]
    public void Read_SplitsDocumentsAndSentences_AndConvertsIob1()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("d.conll", "-DOCSTART- -DOCSTART- O\nDe Art O\nVS N I-LOC\n. Punc O\n\nEn Conj O\n-DOCSTART- -DOCSTART- O\nJan N B-PER\nSmit N I-PER\n");
        var docs = ConllFormat.Read(path).Value!;
        Assert.Equal(2, docs.Count);
        Assert.Equal(["O", "B-LOC", "O"], docs[0].Sentences[0].Tags!);
        Assert.Equal(2, docs[0].Sentences.Count);
        Assert.Equal(["B-PER", "I-PER"], docs[1].Sentences[0].Tags!);
    }

    [Fact]
    public void Read_BadLine_NamesFileAndLine()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("bad.conll", "De Art O\nVS N X-LOC\n");
        var result = ConllFormat.Read(path);
        Assert.False(result.Success);
        Assert.Contains("bad.conll:2", result.Error, StringComparison.Ordinal);
        Assert.False(ConllFormat.Read(Path.Combine(tmp.Path, "none.conll")).Success);
    }
}

public class NerModelTests
{
    [Fact]
    public void Viterbi_OnRandomScores_OnlyProducesValidIob2()
    {
        var t = NerTags.Count;
        Gen.Int[1, 12].SelectMany(n => Gen.Float[-10f, 10f].Array[(n * t) + ((t + 1) * t)].Select(a => (n, a))).Sample(x =>
        {
            var (n, all) = x;
            var tags = Viterbi.Decode(all[..(n * t)], all[(n * t)..], n);
            Assert.Equal(n, tags.Length);
            for (var i = 0; i < n; i++)
            {
                Assert.True(NerTags.Allowed(i == 0 ? NerTags.O : tags[i - 1], tags[i]) && !(i == 0 && NerTags.IsInside(tags[i])));
            }
        }, iter: 500);
    }

    // The tagger reads its chunks from tag numbers; they must be CoNLL's chunks of the tag strings, valid IOB2 or not.
    [Fact]
    public void Chunks_OfTagNumbers_AreTheChunksOfTheirTagStrings()
    {
        Gen.Int[0, NerTags.Count - 1].Array[0, 14].Sample(tags =>
        {
            var chunks = new List<(int Start, int End, int Type)>();
            NerTags.Chunks(tags, chunks);
            var expected = ConllEvaluator.Chunks([.. tags.Select(t => NerTags.All[t])]).OrderBy(c => c.Start).ToList();
            Assert.Equal(expected, chunks.Select(c => (c.Start, c.End, NerTags.Types[c.Type - 1])));
        }, iter: 2000);
    }

    // Decoding with the caller's tables answers as with fresh ones, whatever the tables held before (pooled tables
    // come back dirty; here they are filled with junk first).
    [Fact]
    public void Viterbi_WithReusedTables_DecodesAsWithFreshOnes()
    {
        var t = NerTags.Count;
        Gen.Int[1, 14].SelectMany(n => Gen.Float[-10f, 10f].Array[(n * t) + ((t + 1) * t)].Select(a => (n, a))).Sample(x =>
        {
            var (n, all) = x;
            var score = Enumerable.Repeat(float.MaxValue, n * t).ToArray();
            var back = Enumerable.Repeat(t - 1, n * t).ToArray();
            Assert.Equal(Viterbi.Decode(all[..(n * t)], all[(n * t)..], n), Viterbi.Decode(all.AsSpan(0, n * t), all.AsSpan(n * t), n, score, back));
        }, iter: 500);
    }

    // A pass keeps only the buckets with a weight: on random sparse tables (some buckets all zero, some with a lone
    // weight in any tag, buckets at both ends), decoding any features equals Viterbi over emissions summed from the
    // full table, and the model writes the full table back byte for byte.
    [Fact]
    public void PassModel_KeepingOnlyWeightedBuckets_DecodesAndWritesAsTheFullTable()
    {
        var t = NerTags.Count;
        const int Buckets = 200;
        Gen.Select(Gen.Int[0, 3].Array[Buckets], Gen.Short.Array[Buckets * t], Gen.Int[0, Buckets - 1].Array[1, 60], Gen.Int[1, 6]).Sample(x =>
        {
            var (kinds, values, features, n) = x;
            // Kind 0: a bucket all zero; 1: one weight; 2, 3: weights throughout.
            var weights = new short[Buckets * t];
            for (var b = 0; b < Buckets; b++)
            {
                for (var tag = 0; tag < t; tag++)
                {
                    weights[(b * t) + tag] = kinds[b] switch { 0 => 0, 1 => tag == b % t ? values[b * t] : (short)0, _ => values[(b * t) + tag] };
                }
            }

            var transitions = Enumerable.Range(0, (t + 1) * t).Select(i => (float)((i * 37 % 11) - 5)).ToArray();
            var model = new NerPassModel(weights, 0.01f, transitions);
            var starts = Enumerable.Range(0, n + 1).Select(i => i * features.Length / n).ToArray();
            var emissions = new float[n * t];
            for (var i = 0; i < n; i++)
            {
                for (var tag = 0; tag < t; tag++)
                {
                    var sum = 0;
                    for (var f = starts[i]; f < starts[i + 1]; f++)
                    {
                        sum += weights[(features[f] * t) + tag];
                    }

                    emissions[(i * t) + tag] = sum * 0.01f;
                }
            }

            Assert.Equal(Viterbi.Decode(emissions, transitions, n), model.Decode(features, starts, default, default));
            using var written = new MemoryStream();
            using (var writer = new BinaryWriter(written, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                model.Write(writer);
            }

            var weightBytes = new byte[weights.Length * 2];
            Buffer.BlockCopy(weights, 0, weightBytes, 0, weightBytes.Length);
            Assert.Equal(weightBytes, written.ToArray()[^weightBytes.Length..]);
            written.Position = 0;
            var read = NerPassModel.Read(new BinaryReader(written));
            Assert.Equal(Viterbi.Decode(emissions, transitions, n), read.Decode(features, starts, default, default));
        }, iter: 300);
    }

    [SharedDataFact("conll2002/ned.train")]
    public void Training_IsDeterministic_AndLearnsItsData()
    {
        var all = ConllFormat.Read(Path.Combine(TestPaths.SharedData, "conll2002/ned.train")).Value!;
        var train = all.Take(25).ToList();
        var dev = all.Skip(25).Take(5).ToList();
        var options = new NerTrainingOptions { Bits = 16, MaxEpochs = 4, Folds = 2 };
        using var tmp = new TempFolder();
        var paths = new[] { Path.Combine(tmp.Path, "a.bin"), Path.Combine(tmp.Path, "b.bin") };
        foreach (var path in paths)
        {
            new NerTrainer(options, NameGazetteer.Dutch, _ => { }).Train(train, dev).Save(path);
        }

        Assert.Equal(File.ReadAllBytes(paths[0]), File.ReadAllBytes(paths[1]));
        var tagger = new NerTagger(NerModel.Load(paths[0]).Value!, NameGazetteer.Dutch);
        var pairs = train.SelectMany(d => d.Sentences.Zip(tagger.Tag(d.Sentences.Select(s => (IReadOnlyList<string>)s.Words).ToList()),
            (s, p) => ((IReadOnlyList<string>)s.Tags!, (IReadOnlyList<string>)p.Select(x => NerTags.All[x]).ToArray())));
        Assert.True(ConllEvaluator.Evaluate(pairs).Overall.F1 > 80);
    }

    [Fact]
    public void Load_RejectsFilesThatAreNotModels()
    {
        using var tmp = new TempFolder();
        var result = NerModel.Load(tmp.File("x.bin", "not a model"));
        Assert.False(result.Success);
        Assert.Contains("x.bin", result.Error, StringComparison.Ordinal);
    }
}

public class EntityRecognitionTests
{
    private static readonly ArticleAnalyzer Analyzer = ArticleAnalyzer.CreateDefault();

    private static Dictionary<string, HashSet<string>> Found(string path)
    {
        var article = Analyzer.Analyze(SeedTextReader.Read(File.ReadAllText(path), path, null).Article!);
        return article.Entities
            .GroupBy(e => article.Raw.Text[e.Start..e.End], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Type.Code()).ToHashSet(), StringComparer.Ordinal);
    }

    [Fact]
    public void ShippedModel_IsFound_AndLoads()
    {
        var path = NerModelLocator.Find();
        Assert.NotNull(path);
        // Load time is measured by the benchmark, not asserted here.
        Assert.True(NerModel.Load(path).Success);
        Assert.True(ArticleAnalyzer.HasTrainedTagger);
    }

    /// <summary>
    /// What the issue expects on the seeds, and what the tagger finds. Two expectations are genuinely
    /// ambiguous and accepted either way; the known misses are listed so that an improvement shows up as a
    /// failure here, telling you to move the entity to the expected list.
    /// </summary>
    [Fact]
    public void Seeds_EntitiesGetTheirTypes()
    {
        var found = Found(TestPaths.Seed000);
        foreach (var (k, v) in Found(TestPaths.Seed002))
        {
            found[k] = found.TryGetValue(k, out var existing) ? [.. existing, .. v] : v;
        }

        var expected = new (string Text, string Type)[]
        {
            ("Kim Jong-un", "PER"), ("Poetin", "PER"), ("Sjojgoe", "PER"), ("Kim Jong-il", "PER"), ("Remco Breuker", "PER"), ("Donald Trump", "PER"),
            ("Vladivostok", "LOC"), ("Rusland", "LOC"), ("Noord-Korea", "LOC"), ("Pyongyang", "LOC"), ("Oekraïne", "LOC"), ("Hanoi", "LOC"),
            ("Universiteit Leiden", "ORG"), ("KCNA", "ORG"), ("Chasan", "LOC"),
            ("Witte huis", "ORG"), // the seed lower-cases "huis"; the list entry "Witte Huis" still finds it
            ("Washington", "LOC"), // sentence-initial metonymy ("Washington stelt"), found by the sentence-initial place rule
        };
        // "Kremlin": the building (LOC) and the government (ORG) are both read in "het Kremlin bevestigt".
        var ambiguous = new (string Text, string[] Types)[] { ("Kremlin", ["ORG", "LOC"]) };
        var knownMisses = Array.Empty<(string Text, string Expected, string Why)>();

        var wrong = expected.Where(e => !found.TryGetValue(e.Text, out var t) || !t.Contains(e.Type))
            .Select(e => $"{e.Text}: expected {e.Type}, found {(found.TryGetValue(e.Text, out var t) ? string.Join("/", t) : "nothing")}").ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
        foreach (var (text, types) in ambiguous)
        {
            Assert.True(found.TryGetValue(text, out var t) && t.Overlaps(types), $"{text}: found {(t is null ? "nothing" : string.Join("/", t))}");
        }

        var fixedNow = knownMisses.Where(m => found.TryGetValue(m.Text, out var t) && t.SetEquals([m.Expected])).Select(m => m.Text).ToList();
        Assert.DoesNotContain(found.GetValueOrDefault("KCNA") ?? [], t => t != "ORG");
        Assert.True(fixedNow.Count == 0, $"now correct, move to the expected list: {string.Join(", ", fixedNow)}");
    }

    [Theory]
    [InlineData("Washington stelt dat het een grote fout zou zijn. De Verenigde Staten dreigen met sancties.", "Washington", "LOC")]
    [InlineData("Lang was het adagium dat de markt zijn werk moest doen. Dat is voorbij.", "Lang", null)] // also a place name
    [InlineData("Heel dapper was het niet. Het is niet niks.", "Heel", null)]
    [InlineData("De politie arresteerde de vrouw in de nacht. Zij zweeg.", "De politie", null)] // "De Politie" is a list entry
    [InlineData("George Washington was de eerste president. Washington stierf in 1799.", "Washington", "PER")] // a person named in the article
    public void SentenceStarts_BecomeNamesOnlyWithEvidence(string text, string surface, string? type)
    {
        var a = Analyzer.Analyze(new RawArticle { Ref = "t", Lang = "nl", Text = text });
        var found = a.Entities.Where(e => e.Start == 0 && text[e.Start..e.End] == surface).Select(e => e.Type.Code()).ToList();
        if (type is null)
        {
            Assert.Empty(found);
        }
        else if (type == "PER")
        {
            Assert.DoesNotContain(a.Entities, e => text[e.Start..e.End] == "Washington" && e.Start > 20 && e.Type == EntityType.Location && e.Method == MentionMethod.NameLists);
        }
        else
        {
            Assert.Equal(type, Assert.Single(found));
        }
    }

    [Fact]
    public void Fallback_TypesEnglishAndGermanNamesFromListsAndCues()
    {
        var en = Analyzer.Analyze(new RawArticle { Ref = "en", Lang = "en", Text = "Kim Jong-un met Vladimir Putin in Vladivostok. Officials at Stanford University and the IAEA said the talks went well." });
        var types = en.Entities.ToDictionary(e => en.Raw.Text[e.Start..e.End], e => e.Type.Code(), StringComparer.Ordinal);
        Assert.Equal("PER", types["Vladimir Putin"]);
        Assert.Equal("LOC", types["Vladivostok"]);
        Assert.Equal("ORG", types["Stanford University"]);
        Assert.Equal("ORG", types["IAEA"]);
        Assert.All(en.Entities, e => Assert.Equal(MentionMethod.NameLists, e.Method));
        var de = Analyzer.Analyze(new RawArticle { Ref = "de", Lang = "de", Text = "Am Dienstag traf Angela Merkel den Vorstand der Deutsche Bank AG in Frankfurt." });
        var deTypes = de.Entities.ToDictionary(e => de.Raw.Text[e.Start..e.End], e => e.Type.Code(), StringComparer.Ordinal);
        Assert.Equal("PER", deTypes["Angela Merkel"]);
        Assert.Equal("LOC", deTypes["Frankfurt"]);
        Assert.Contains(deTypes, kv => kv.Value == "ORG" && kv.Key.Contains("Deutsche Bank", StringComparison.Ordinal));
    }
}

// A person chunk ending in an institution's or a venue's word names that institution or venue; a surname ending in a
// short head, a lone head word, and other types stay as tagged.
public class InstitutionHeadsTests
{
    [Theory]
    [InlineData("het Cornelius Haga Lyceum in Amsterdam", "O B-PER I-PER I-PER O B-LOC", "O B-ORG I-ORG I-ORG O B-LOC")]
    [InlineData("de Mariaschool", "O B-PER", "O B-ORG")]
    [InlineData("in de Johan Cruijff Arena", "O O B-PER I-PER I-PER", "O O B-LOC I-LOC I-LOC")]
    [InlineData("the Alan Turing Institute", "O B-PER I-PER I-PER", "O B-ORG I-ORG I-ORG")]
    [InlineData("Martin Bovenkerk zegt", "B-PER I-PER O", "B-PER I-PER O")]
    [InlineData("Jan Museum zegt", "B-PER I-PER O", "B-ORG I-ORG O")]
    [InlineData("Museum zegt", "B-PER O", "B-PER O")]
    [InlineData("het Staring College", "O B-MISC I-MISC", "O B-MISC I-MISC")]
    public void APersonChunkEndingInAnInstitution_IsRetyped(string sentence, string tagged, string expected)
    {
        var tags = tagged.Split(' ').Select(NerTags.IndexOf).ToArray();
        ChunkRetyping.Apply(sentence.Split(' '), tags, NameGazetteer.Dutch);
        Assert.Equal(expected, string.Join(' ', tags.Select(t => NerTags.All[t])));
    }
}

// A place or organisation chunk right after a lower-case word of a learned trade is a person; after a role word, or
// capitalised, or after another tag, it stays.
public class PersonAppositionsTests
{
    [Theory]
    [InlineData("waarschuwt islamgeleerde Bassam Tibi", "O O B-LOC I-LOC", "O O B-PER I-PER")]
    [InlineData("zegt politicoloog Sarah de Lange", "O O B-ORG I-ORG I-ORG", "O O B-PER I-PER I-PER")]
    [InlineData("zegt Koreakenner Remco Breuker", "O O B-LOC I-LOC", "O O B-LOC I-LOC")]
    [InlineData("de voorzitter Commissie Juridische Zaken", "O O B-ORG I-ORG I-ORG", "O O B-ORG I-ORG I-ORG")]
    [InlineData("naar de kenner Utrecht", "O O O B-LOC", "O O O B-LOC")]
    public void AChunkAfterAWordOfALearnedTrade_IsAPerson(string sentence, string tagged, string expected)
    {
        var tags = tagged.Split(' ').Select(NerTags.IndexOf).ToArray();
        ChunkRetyping.Apply(sentence.Split(' '), tags, NameGazetteer.Dutch);
        Assert.Equal(expected, string.Join(' ', tags.Select(t => NerTags.All[t])));
    }
}

// The word for a place's people is no person: a place or its adjective and a Dutch ending for its people. Surnames the
// lists know, and words whose "place" is a short accident ("Bader", "Barman", "Jammer"), stay.
public class DemonymsTests
{
    [Theory]
    [InlineData("Duitser", true)]
    [InlineData("Molukkers", true)]
    [InlineData("Syriëgangers", true)]
    [InlineData("Amsterdammers", true)]
    [InlineData("Castricummers", true)]
    [InlineData("Barman", false)]
    [InlineData("Bader", false)]
    [InlineData("Jammer", false)]
    [InlineData("Vader", false)]
    [InlineData("Wouters", false)]
    [InlineData("Peeters", false)]
    public void TheWordForAPlacesPeople_IsADemonym(string word, bool demonym)
        => Assert.Equal(demonym, Demonyms.IsDemonym(word, NameGazetteer.Dutch));

    [Fact]
    public void AOneWordPersonChunk_ThatIsADemonym_BecomesMisc()
    {
        var tags = "O B-PER O B-PER I-PER".Split(' ').Select(NerTags.IndexOf).ToArray();
        ChunkRetyping.Apply("de Molukkers en Molukkers Jansen".Split(' '), tags, NameGazetteer.Dutch);
        Assert.Equal("O B-MISC O B-PER I-PER", string.Join(' ', tags.Select(t => NerTags.All[t])));
    }
}
