using System.Text.Json;
using Chorus.Core.Stories;

namespace Chorus.Storage.Tests;

/// <summary>Story profiles are written by generated code exactly as the reflection-based serialiser writes them.</summary>
public sealed class StoreJsonTests
{
    public static TheoryData<string> Profiles => ["bare", "dated", "full"];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void GeneratedCode_WritesTheReflectionSerialisersJson_AndReadsItBack(string which)
    {
        var profile = Profile(which);
        var reflected = JsonSerializer.Serialize(profile, StoreJson.Options);
        Assert.Equal(reflected, StoreJson.Serialize(profile));
        var back = StoreJson.DeserializeProfile(reflected);
        Assert.Equal(reflected, JsonSerializer.Serialize(back, StoreJson.Options));
    }

    public static TheoryData<Assignment> Assignments =>
    [
        new Assignment { StoryId = "s1", OpenedStory = true },
        new Assignment
        {
            StoryId = "s2",
            OpenedStory = false,
            Score = 0.1 + 0.2,
            TermSimilarity = 1e-300,
            NameOverlap = 2.0 / 3,
            DateProximity = 1,
            DaysApart = -2,
            SharedTerms = ["brand", "geëvacueerd", "\"quoted\""],
            SharedNames = ["@amsterdam"],
            BestRejectedScore = 0.4999999,
            MergedStories = ["s3", "s4"],
            AnchorName = "Keizersgracht",
            Digest = true,
            DuplicateOf = "a1",
            ClosestStory = "s5",
            OnlyInArticle = ["Utrecht"],
            OnlyInClosest = ["<b>"],
        },
    ];

    [Theory]
    [MemberData(nameof(Assignments))]
    public void Assignments_AreWrittenAsTheReflectionSerialiserWritesThem(Assignment assignment)
    {
        var reflected = JsonSerializer.Serialize(assignment, StoreJson.Options);
        Assert.Equal(reflected, StoreJson.Serialize(assignment));
        Assert.Equal(reflected, JsonSerializer.Serialize(StoreJson.DeserializeAssignment(reflected), StoreJson.Options));
    }

    [Fact]
    public void Variants_AreWrittenAsTheReflectionSerialiserWritesThem()
    {
        var variants = new Dictionary<string, int>(StringComparer.Ordinal) { ["Sjojgoe"] = 3, ["Sjoïgoe"] = 1, ["Шойгу"] = int.MaxValue };
        var reflected = JsonSerializer.Serialize(variants, StoreJson.Options);
        Assert.Equal(reflected, StoreJson.SerializeVariants(variants));
        Assert.Equal(variants, StoreJson.DeserializeVariants(reflected));
    }

    private static StoryProfile Profile(string which)
    {
        var profile = new StoryProfile { Id = "s-" + which, Title = which == "bare" ? string.Empty : "Brand in grachtenpand: \"twee\" gewonden <b> & één café" };
        if (which == "bare")
        {
            return profile;
        }

        profile.First = new DateOnly(2019, 3, 1);
        profile.Last = new DateOnly(2019, 3, 16);
        profile.ArticleCount = 3;
        profile.DatedArticles = 3;
        profile.DaySum = 3 * 737_119.333333333;
        profile.TitleFromHeadline = true;
        if (which == "full")
        {
            var random = new Random(20261207);
            foreach (var word in new[] { "brand", "keizersgracht", "geëvacueerd", "straße", "œuvre", "a\\b", "tab\tword", "中文" })
            {
                profile.Terms[word] = (float)random.NextDouble() * 3;
                profile.Concepts["c:" + word] = 1f / (1 + random.Next(1000));
            }

            profile.Terms["max"] = float.MaxValue;
            profile.Terms["tiny"] = float.Epsilon;
            profile.Names["@amsterdam"] = 0.1f;
            profile.Names["@sjojgoe"] = 2.5e-7f;
            profile.Languages["nl"] = 2;
            profile.Languages["de"] = 1;
            profile.AnchorNames.Add("@amsterdam");
            profile.IsDigest = true;
        }

        return profile;
    }
}
