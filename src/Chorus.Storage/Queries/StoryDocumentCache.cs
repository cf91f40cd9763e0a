using Chorus.Core.Analysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chorus.Core.Contracts;
using Chorus.Core.Store;
using Chorus.Core.Stories.Comparison;

namespace Chorus.Storage.Queries;

/// <summary>
/// Story documents already built, kept by the digest of everything they are built from: the story's id and title,
/// each article's identity, metadata, content key (a digest of its text) and assignment, its stored layers, and the
/// entity each of its names is linked to. A story that changed in any of these has another digest, so an entry is
/// never stale and nothing has to invalidate it: an old entry simply stops being asked for and ages out. Bounded by
/// entries and by the characters of the stories kept; thread-safe (a server's readers share one).
/// </summary>
public sealed class StoryDocumentCache(int maxEntries = StoryDocumentCache.DefaultEntries, long maxChars = 4_000_000)
{
    public const int DefaultEntries = 256;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new();
    private long _chars;

    private sealed record Entry(string Key, StoryDoc Doc, StoryComparison Comparison, long Chars);

    public long Hits { get; private set; }

    public long Misses { get; private set; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byKey.Count;
            }
        }
    }

    internal bool TryGet(string key, out StoryDoc doc, out StoryComparison comparison)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                Hits++;
                (doc, comparison) = (node.Value.Doc, node.Value.Comparison);
                return true;
            }

            Misses++;
            (doc, comparison) = (null!, null!);
            return false;
        }
    }

    internal void Add(string key, StoryDoc doc, StoryComparison comparison, long chars)
    {
        if (chars > maxChars)
        {
            return;
        }

        lock (_lock)
        {
            if (_byKey.ContainsKey(key))
            {
                return;
            }

            _byKey[key] = _recent.AddFirst(new Entry(key, doc, comparison, chars));
            _chars += chars;
            while (_byKey.Count > maxEntries || _chars > maxChars)
            {
                var oldest = _recent.Last!;
                _recent.RemoveLast();
                _byKey.Remove(oldest.Value.Key);
                _chars -= oldest.Value.Chars;
            }
        }
    }

    /// <summary>The digest a story's document is kept under: every input of <see cref="ContractMapper.Story"/>.</summary>
    internal static string KeyOf(StoredStory story, bool why, IReadOnlyDictionary<string, StoredAnalysis> layers, IReadOnlyList<EntityOccurrence> occurrences)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            // Length-prefixed, so that no two sequences of fields read the same.
            hash.AppendData(BitConverter.GetBytes(value?.Length ?? -1));
            if (value is not null)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(value));
            }
        }

        Add(why ? "why" : "plain");
        Add(story.Profile.Id);
        Add(story.Profile.Title);
        foreach (var a in story.Articles)
        {
            Add(a.Id);
            Add(a.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(a.Ref);
            Add(a.ContentKey);
            Add(a.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(a.Title);
            Add(a.Date?.ToString());
            Add(a.Source);
            Add(a.Url);
            Add(a.ExternalId);
            Add(a.SummaryOnly ? "summary" : "text");
            Add(a.Lang);
            Add(a.DuplicateOf);
            Add(a.StoryId);
            Add(why && a.Assignment is { } assignment ? JsonSerializer.Serialize(assignment) : null);
            if (layers.TryGetValue(a.Id, out var stored))
            {
                Add(stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                hash.AppendData(SHA256.HashData(stored.Layers));
            }
            else
            {
                Add(null);
            }
        }

        foreach (var o in occurrences.OrderBy(o => o.ArticleId, StringComparer.Ordinal).ThenBy(o => o.Type.Code(), StringComparer.Ordinal).ThenBy(o => o.LocalName, StringComparer.Ordinal).ThenBy(o => o.EntityId, StringComparer.Ordinal))
        {
            Add(o.ArticleId);
            Add(o.Type.Code());
            Add(o.LocalName);
            Add(o.EntityId);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
