using Chorus.Core.Text;

namespace Chorus.Core.Tests.Text;

/// <summary>
/// The pool's behaviour, on pools of the tests' own: the process's shared pool holds whatever other tests pooled before
/// (corpora fill it), so what it keeps depends on the order tests run in.
/// </summary>
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
        var pool = new FormPool(WordPool.Capacity);
        Assert.Equal(word, pool.Of(word.AsSpan()));
        Assert.Same(pool.Of(word.AsSpan()), pool.Of(word.ToCharArray()));
        Assert.Equal(lower, pool.LowerOf(word.AsSpan()));
        Assert.Same(pool.LowerOf(word.AsSpan()), pool.Of(lower.AsSpan()));
    }

    // A full pool still returns every form right, and keeps what it held, but no new form.
    [Fact]
    public void AFullPool_ReturnsNewFormsWithoutKeepingThem()
    {
        var pool = new FormPool(2);
        var de = pool.Of("de");
        pool.Of("het");
        Assert.Same(de, pool.Of("de".ToCharArray()));
        Assert.Equal("kabinet", pool.Of("kabinet"));
        Assert.NotSame(pool.Of("kabinet"), pool.Of("kabinet"));
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
