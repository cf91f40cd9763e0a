using System.Security.Cryptography;
using System.Text;
using Chorus.Core.Ingest;
using CsCheck;

namespace Chorus.Core.Tests.Ingest;

public class ArticleIdentityTests
{
    // Letters, the separator itself, accents, and halves of surrogate pairs (alone they encode as U+FFFD).
    private static readonly Gen<string> Part = Gen.String[Gen.OneOf(Gen.Char["ab é\u001F\n"], Gen.Char['\uD800', '\uDFFF'], Gen.Char), 0, 40];

    [Fact]
    public void ContentKey_IsTheSha256OfTheFieldsJoinedBySeparators()
        => Gen.Select(Part, Part, Part, Part).Sample((source, id, title, text) =>
        {
            var article = new RawArticle { Ref = "r", Source = source, ExternalId = id, Title = title, Text = text };
            var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', source, id, title, text))));
            Assert.Equal(expected, ArticleIdentity.ContentKey(article));
        }, iter: 5_000);

    [Fact]
    public void ContentKey_OfAKnownArticle_StaysAsStored()
    {
        // Keys are stored: a change of this value would make every stored article new to a re-ingest.
        var article = new RawArticle { Ref = "000.txt", Source = "NOS", Title = null, Text = "Kim Jong-un reist per trein naar Rusland." };
        Assert.Equal("5021cb97d16dead760b287b589999f72ee8b09bcd9e93f46c96d1ec3e406da43", ArticleIdentity.ContentKey(article));
    }
}
