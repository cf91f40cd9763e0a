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

        // The UTF-8 of source, id, title and text joined by U+001F, encoded part by part into one pooled buffer (the
        // same bytes: the separator keeps a part's last character from pairing with the next part's first).
        ReadOnlySpan<string> parts = [article.Source ?? string.Empty, article.ExternalId ?? string.Empty, article.Title ?? string.Empty, article.Text];
        var size = parts.Length - 1;
        foreach (var part in parts)
        {
            size += Encoding.UTF8.GetMaxByteCount(part.Length);
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var length = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    buffer[length++] = 0x1F;
                }

                length += Encoding.UTF8.GetBytes(parts[i], buffer.AsSpan(length));
            }

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A short, stable article id: 64 bits of the content key, so collisions stay negligible at millions of articles.</summary>
    public static string ArticleId(string contentKey) => "a" + contentKey[..16];

    /// <summary>A story is named after the article that opened it.</summary>
    public static string StoryId(string articleId) => "s" + articleId[1..];
}
