using Chorus.Core.Text;

namespace Chorus.Core.Tests.Text;

public sealed class WordPoolTests
{
    // A form seen before comes back as the same string; its characters are always the word's, lower-cased when asked.
    [Theory]
    [InlineData("kabinet", "kabinet")]
    [InlineData("Kabinet", "kabinet")]
    [InlineData("ÉÉN", "één")]
    [InlineData("Straße", "straße")]
    public void AFormSeenBefore_IsTheSameString(string word, string lower)
    {
        Assert.Equal(word, WordPool.Of(word.AsSpan()));
        Assert.Same(WordPool.Of(word.AsSpan()), WordPool.Of(word.ToCharArray()));
        Assert.Equal(lower, WordPool.LowerOf(word.AsSpan()));
        Assert.Same(WordPool.LowerOf(word.AsSpan()), WordPool.Of(lower.AsSpan()));
    }

    // A long token (a URL) is returned right but never kept: the pool holds words, not every string of a corpus.
    [Fact]
    public void ALongForm_IsReturnedButNotKept()
    {
        var url = "https://www.example.org/nieuws/" + new string('x', 40);
        Assert.Equal(url, WordPool.Of(url.AsSpan()));
        Assert.NotSame(WordPool.Of(url.AsSpan()), WordPool.Of(url.AsSpan()));
        Assert.Equal(url.ToLowerInvariant(), WordPool.LowerOf(url.ToUpperInvariant().AsSpan()));
    }
}
