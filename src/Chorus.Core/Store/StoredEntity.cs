using Chorus.Core.Analysis;

namespace Chorus.Core.Store;

/// <summary>An entity across articles: the name shown, its type, and every surface form seen with its count.</summary>
public sealed class StoredEntity
{
    public required string Id { get; init; }

    public required EntityType Type { get; init; }

    public required string Name { get; set; }

    public int Mentions { get; set; }

    public Dictionary<string, int> Variants { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>Where an entity occurs: the article, the name the article's own coreference gave it, and how often.</summary>
public sealed record EntityOccurrence(string EntityId, string ArticleId, EntityType Type, string LocalName, int Mentions);

/// <summary>The company an entity keeps: entities named in the same articles, and those articles' stories.</summary>
public sealed record EntityContext(IReadOnlySet<string> Entities, IReadOnlySet<string> Stories);
