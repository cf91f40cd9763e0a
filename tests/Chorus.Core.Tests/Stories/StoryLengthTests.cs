using Chorus.Core.Stories;
using Chorus.Core.Time;

namespace Chorus.Core.Tests.Stories;

/// <summary>
/// A story's IDF-weighted length is kept between comparisons; whatever changes the counts or the story must give the
/// length a profile built afresh from the same centroid has under the same counts.
/// </summary>
public class StoryLengthTests
{
    private static ArticleFeatures Article(string day, params string[] words)
        => new(words.ToDictionary(w => w, _ => 1f), new Dictionary<string, float> { ["rutte"] = 1f }, PartialDate.Parse(day).Value);

    private static double Fresh(StoryProfile story, TermStatistics stats, bool names)
    {
        var copy = new StoryProfile { Id = "copy", Title = "t" };
        foreach (var (k, v) in story.Terms)
        {
            copy.Terms[k] = v;
        }

        foreach (var (k, v) in story.Names)
        {
            copy.Names[k] = v;
        }

        return copy.IdfNorm(names, stats);
    }

    public static TheoryData<string> Changes => new()
    {
        "an article counted", "a word forgotten", "the story grew", "another story absorbed", "nothing",
        "an article without its words", "the corpus a step larger", "words forgotten, their slots taken by new words",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void KeptLength_IsTheLengthOfNow(string change)
    {
        var stats = new TermStatistics(new Dictionary<string, int> { ["brand"] = 3, ["gracht"] = 1 }, 10);
        stats.AddDocument(Article("2024-03-01", "brand", "pand", "gracht"));
        var story = new StoryProfile { Id = "s", Title = "t" };
        story.Add(Article("2024-03-01", "brand", "pand", "gracht"));
        var before = (Terms: story.IdfNorm(false, stats), Names: story.IdfNorm(true, stats));
        Assert.Equal(before.Terms, story.IdfNorm(false, stats));

        switch (change)
        {
            case "an article counted":
                stats.AddDocument(Article("2024-03-02", "pand", "pand2"));
                break;
            case "a word forgotten":
                stats.AddDocument(Article("2024-04-20", "brand"));
                stats.Forget(new DateOnly(2024, 4, 1));
                break;
            case "words forgotten, their slots taken by new words":
                // The forgotten entries' IDF slots go to the words counted next (with other counts): the story, whose
                // entries were read before, must find its own forgotten and not read the new words' values.
                stats.AddDocument(Article("2024-04-20", "brand"));
                stats.Forget(new DateOnly(2024, 4, 1));
                for (var i = 0; i < 3; i++)
                {
                    stats.AddDocument(Article("2024-04-21", "dijk", "sluis", "gemaal", "polder"));
                }

                break;
            case "the story grew":
                story.Add(Article("2024-03-02", "brand", "rook"));
                break;
            case "an article without its words":
                // Same corpus-size step (11 documents): the kept term length still holds.
                stats.AddDocument(Article("2024-03-02", "storm"));
                break;
            case "the corpus a step larger":
                // 22 documents: every IDF moved, though none of the story's words was counted again.
                for (var i = 0; i < 11; i++)
                {
                    stats.AddDocument(new ArticleFeatures(new Dictionary<string, float> { ["storm"] = 1f }, new Dictionary<string, float>(), PartialDate.Parse("2024-03-02").Value));
                }

                break;
            case "another story absorbed":
                var other = new StoryProfile { Id = "o", Title = "t" };
                other.Add(Article("2024-03-02", "gracht", "water"));
                story.Absorb(other);
                break;
        }

        Assert.Equal(Fresh(story, stats, names: false), story.IdfNorm(false, stats));
        Assert.Equal(Fresh(story, stats, names: true), story.IdfNorm(true, stats));
        if (change == "an article without its words")
        {
            Assert.Equal(before.Terms, story.IdfNorm(false, stats));
        }
        else if (change != "nothing")
        {
            Assert.NotEqual(before.Terms, story.IdfNorm(false, stats));
        }
    }
}
