using Chorus.Core.Analysis;

namespace Chorus.Core.Entities;

/// <summary>
/// What entity resolution derives from a name (part keys, listed key, blocking keys), computed once per run: one
/// name is compared with many candidates' variants, and most names recur. Cleared when large, so a long run stays
/// bounded. Not thread-safe: one per resolver.
/// </summary>
internal sealed class EntityNameCache
{
    private const int MaxNames = 200_000;

    private readonly Dictionary<string, NameInfo> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<(EntityType Type, string Name), string[]> _blocks = [];

    public NameInfo Info(string name)
    {
        if (!_names.TryGetValue(name, out var info))
        {
            if (_names.Count >= MaxNames)
            {
                _names.Clear();
            }

            info = new NameInfo(name);
            _names[name] = info;
        }

        return info;
    }

    /// <summary><see cref="EntityBlocks.Of"/>, kept per run.</summary>
    public string[] BlocksOf(EntityType type, string name)
    {
        if (!_blocks.TryGetValue((type, name), out var blocks))
        {
            if (_blocks.Count >= MaxNames)
            {
                _blocks.Clear();
            }

            blocks = [.. EntityBlocks.Of(type, name)];
            _blocks[(type, name)] = blocks;
        }

        return blocks;
    }

    /// <summary>What the resolver derives from one name, each part computed when first asked for.</summary>
    internal sealed class NameInfo(string name)
    {
        private string[]? _parts;
        private string[]? _lastWordParts;
        private string? _translatedKey;
        private bool _translatedKeyKnown;

        public string[] Parts => _parts ??= TransliterationKey.Parts(name);

        public string[] LastWordParts => _lastWordParts ??= name.LastIndexOf(' ') is var space and >= 0 ? TransliterationKey.Parts(name[(space + 1)..]) : Parts;

        public string? TranslatedKey
        {
            get
            {
                if (!_translatedKeyKnown)
                {
                    _translatedKey = TranslatedNames.Default.KeyOf(name);
                    _translatedKeyKnown = true;
                }

                return _translatedKey;
            }
        }
    }
}
