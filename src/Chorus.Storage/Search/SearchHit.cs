using Chorus.Core.Text;

namespace Chorus.Storage.Search;

/// <summary>A matching article, its score and a snippet with the matched words marked as spans into the snippet.</summary>
public sealed record SearchHit(string ArticleId, float Score, string Snippet, IReadOnlyList<TextSpan> Highlights);
