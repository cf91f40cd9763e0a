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
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(reflected), StoreJson.SerializeToUtf8(profile));
        var back = StoreJson.DeserializeProfile(reflected);
        Assert.Equal(reflected, JsonSerializer.Serialize(back, StoreJson.Options));
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
