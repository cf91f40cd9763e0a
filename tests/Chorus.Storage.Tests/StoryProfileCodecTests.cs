using System.Text;
using Chorus.Core.Stories;
using CsCheck;

namespace Chorus.Storage.Tests;

/// <summary>The stored binary form of a story profile gives back the very profile written, and profiles stored as JSON stay readable.</summary>
public sealed class StoryProfileCodecTests
{
    // Keys built from few parts, so that neighbours often share a prefix (the codec writes only what differs), with
    // characters of two, three and four UTF-8 bytes (a shared prefix of bytes may end inside a character). Text has no
    // unpaired surrogates (every reader refuses or replaces them), so neither do the keys.
    private static readonly Gen<string> Keys = Gen.OneOf(Gen.String[Gen.Char["ab#c:@-éß中"], 0, 12], OneOf("🚒", "a🚒", "🚓"), Gen.String.Where(s => !HasUnpairedSurrogate(s)))
        .Select(OneOf("", "#c:", "@", "#n:", "keizersgracht"), (tail, head) => head + tail);

    private static readonly Gen<float> Weights = Gen.OneOf(Gen.Float, Gen.Float[0, 10], OneOf(float.NaN, float.PositiveInfinity, -0f, float.Epsilon, float.MaxValue));

    private static readonly Gen<StoryProfile> Profiles =
        Gen.Select(
            Gen.Select(Keys, Keys, Gen.Bool, Gen.Bool, Gen.Int[0, 3_652_058].Array[2], Gen.Int[0, int.MaxValue], Gen.Double, Gen.Int[0, int.MaxValue]),
            Gen.Select(Keys, Weights).Array[0, 40],
            Gen.Select(Keys, Gen.Int[0, int.MaxValue]).Array[0, 4],
            Gen.Select(Keys, Weights).Array[0, 20],
            Gen.Select(Keys, Weights).Array[0, 30],
            Keys.Array[0, 5],
            Gen.Int[0, 3])
        .Select(parts =>
        {
            var ((id, title, fromHeadline, digest, days, count, daySum, dated), terms, languages, names, concepts, anchors, dates) = parts;
            var profile = new StoryProfile
            {
                Id = id,
                Title = title,
                TitleFromHeadline = fromHeadline,
                IsDigest = digest,
                First = (dates & 1) != 0 ? DateOnly.FromDayNumber(days[0]) : null,
                Last = (dates & 2) != 0 ? DateOnly.FromDayNumber(days[1]) : null,
                ArticleCount = count,
                DaySum = daySum,
                DatedArticles = dated,
            };
            Fill(profile.Terms, terms);
            Fill(profile.Names, names);
            Fill(profile.Concepts, concepts);
            foreach (var (key, value) in languages)
            {
                profile.Languages[key] = value;
            }

            foreach (var anchor in anchors)
            {
                profile.AnchorNames.Add(anchor);
            }

            return profile;
        });

    [Fact]
    public void EveryProfile_ComesBackAsWritten_InItsOwnOrder()
        => Profiles.Sample(profile => AssertSame(profile, StoryProfileCodec.Decode(StoryProfileCodec.Encode(profile))), iter: 2000);

    [Fact]
    public void TheFormatByte_IsNeverTheOpeningOfJson()
    {
        var bytes = StoryProfileCodec.Encode(new StoryProfile { Id = "s", Title = "t" });
        Assert.Equal(StoryProfileCodec.Format, bytes[0]);
        Assert.NotEqual((byte)'{', bytes[0]);
    }

    // Stores written before the binary form hold JSON: as text (SQLite) or as its UTF-8 bytes (PostgreSQL's column
    // was converted in place).
    [Fact]
    public void JsonProfiles_AsTextOrAsUtf8Bytes_AreStillRead()
    {
        var profile = new StoryProfile { Id = "s1", Title = "Brand in \"café\" 🚒", First = new DateOnly(2019, 3, 1), ArticleCount = 2, DaySum = 1.5, DatedArticles = 1 };
        profile.Terms["geëvacueerd"] = 1.5f;
        profile.Concepts["#c:fire"] = 0.25f;
        profile.Languages["nl"] = 2;
        profile.AnchorNames.Add("@amsterdam");
        var json = StoreJson.Serialize(profile);
        AssertSame(profile, StoryProfileCodec.Read(json));
        AssertSame(profile, StoryProfileCodec.Read(Encoding.UTF8.GetBytes(json)));
        AssertSame(profile, StoryProfileCodec.Read(StoryProfileCodec.Encode(profile)));
    }

    // Cut anywhere, or with a byte changed anywhere, a profile is either read as some profile or refused as damaged:
    // never another exception, never a count that reserves more memory than the bytes could hold.
    [Fact]
    public void DamagedProfiles_AreRefusedAsDamaged_NeverWithAnotherError()
    {
        var profile = new StoryProfile { Id = "s1", Title = "titel", First = new DateOnly(2019, 3, 1), Last = new DateOnly(2019, 3, 2), ArticleCount = 3 };
        profile.Terms["brand"] = 1f;
        profile.Terms["brandweer"] = 0.5f;
        profile.Names["@amsterdam"] = 2f;
        profile.Languages["nl"] = 3;
        profile.AnchorNames.Add("@amsterdam");
        var bytes = StoryProfileCodec.Encode(profile);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => StoryProfileCodec.Decode(bytes.AsSpan(0, length)));
        }

        Gen.Select(Gen.Int[1, bytes.Length - 1], Gen.Byte).Sample((at, value) =>
        {
            var changed = (byte[])bytes.Clone();
            changed[at] = value;
            try
            {
                StoryProfileCodec.Decode(changed);
            }
            catch (InvalidDataException)
            {
            }
        }, iter: 5000);
        Assert.Throws<InvalidDataException>(() => StoryProfileCodec.Decode([.. bytes, 0]));
    }

    private static Gen<T> OneOf<T>(params T[] values) => Gen.OneOf(values.Select(Gen.Const).ToArray());

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Fill(Dictionary<string, float> into, (string Key, float Weight)[] entries)
    {
        foreach (var (key, weight) in entries)
        {
            into[key] = weight;
        }
    }

    private static void AssertSame(StoryProfile expected, StoryProfile actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.TitleFromHeadline, actual.TitleFromHeadline);
        Assert.Equal(expected.IsDigest, actual.IsDigest);
        Assert.Equal(expected.First, actual.First);
        Assert.Equal(expected.Last, actual.Last);
        Assert.Equal(expected.ArticleCount, actual.ArticleCount);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.DaySum), BitConverter.DoubleToInt64Bits(actual.DaySum));
        Assert.Equal(expected.DatedArticles, actual.DatedArticles);
        AssertSameWeights(expected.Terms, actual.Terms);
        AssertSameWeights(expected.Names, actual.Names);
        AssertSameWeights(expected.Concepts, actual.Concepts);
        Assert.Equal(expected.Languages.ToList(), actual.Languages.ToList());
        Assert.Equal(expected.AnchorNames.ToList(), actual.AnchorNames.ToList());
    }

    private static void AssertSameWeights(Dictionary<string, float> expected, Dictionary<string, float> actual)
        => Assert.Equal(
            expected.Select(e => (e.Key, BitConverter.SingleToInt32Bits(e.Value))).ToList(),
            actual.Select(e => (e.Key, BitConverter.SingleToInt32Bits(e.Value))).ToList());
}
