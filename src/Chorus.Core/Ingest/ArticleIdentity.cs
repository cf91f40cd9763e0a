using System.Security.Cryptography;
using System.Text;

namespace Chorus.Core.Ingest;

/// <summary>
/// The identity of an article: a SHA-256 over source, the input's own id, title and text. Re-ingesting the
/// same input gives the same key (a no-op), while the same wire copy from another outlet is a different
/// article that near-duplicate detection then links to the first.
/// </summary>
public static class ArticleIdentity
{
    public static string ContentKey(RawArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var payload = string.Join('\u001F', article.Source ?? string.Empty, article.ExternalId ?? string.Empty, article.Title ?? string.Empty, article.Text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>A short, stable article id: 64 bits of the content key, so collisions stay negligible at millions of articles.</summary>
    public static string ArticleId(string contentKey) => "a" + contentKey[..16];

    /// <summary>A story is named after the article that opened it.</summary>
    public static string StoryId(string articleId) => "s" + articleId[1..];
}
