using Chorus.Core.Text;
using Chorus.Tests;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Chorus.Core.Tests.Text;

public sealed class StemMemoTests
{
    [Fact]
    public void HoldsUpToItsCapacity_ThenStartsAfresh()
    {
        var memo = new StemMemo();
        for (var i = 0; i < StemMemo.Capacity; i++)
        {
            memo.Add("w" + i, "s" + i);
        }

        Assert.Equal(StemMemo.Capacity, memo.Count);
        Assert.True(memo.TryGet("w7", out var stem));
        Assert.Equal("s7", stem);
        memo.Add("nieuw", "nieuw");
        Assert.Equal(1, memo.Count);
        Assert.False(memo.TryGet("w7", out _));
        Assert.True(memo.TryGet("nieuw", out _));
    }

    [Fact]
    public void NeverHoldsAWordLongerThanThePoolsForms()
    {
        var memo = new StemMemo();
        var longWord = new string('a', WordPool.MaxLength + 1);
        memo.Add(longWord, "a");
        Assert.Equal(0, memo.Count);
        Assert.False(memo.TryGet(longWord, out _));
    }

    /// <summary>The words of both seed articles in three languages' stemmers, each word three times and in two cases: the stem a fresh Snowball program gives.</summary>
    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    [InlineData("de")]
    public void LanguageStemmer_GivesTheSnowballStem_WhetherTheWordIsNewOrMemoised(string lang)
    {
        var words = string.Join(' ', File.ReadAllText(TestPaths.Seed000), File.ReadAllText(TestPaths.Seed002))
            .Split([' ', '\n', '\r', '\t', '.', ',', ';', ':', '"', '(', ')', '?', '!'], StringSplitOptions.RemoveEmptyEntries)
            .Append(new string('x', 40) + "ingen")
            .ToList();
        var stemmer = LanguageStemmer.For(lang);
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var word in words)
            {
                var written = pass == 1 ? word.ToUpperInvariant() : word;
                Assert.Equal(Fresh(lang, word.ToLowerInvariant()), stemmer.Stem(written));
            }
        }
    }

    private static string Fresh(string lang, string lower)
    {
        SnowballProgram program = lang switch
        {
            "en" => new EnglishStemmer(),
            "de" => new German2Stemmer(),
            _ => new DutchStemmer(),
        };
        program.SetCurrent(lower);
        program.Stem();
        return program.Current;
    }
}
