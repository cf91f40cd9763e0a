using System.Text;
using Chorus.Core.Store;
using Chorus.Core.Stories;

namespace Chorus.Storage;

/// <summary>
/// The stored form of a story profile: a compact binary record, not JSON. A profile is written every time an article
/// joins its story, inside ingest's serial part, and read back for every story of the window an ingest opens; as JSON,
/// formatting and parsing its ~360 weights was a tenth of the writer's story work and the profile the largest column
/// of the store (~4.4 KB per article on DPG 2019). Profiles stored as JSON before stay readable (<see cref="Read(object)"/>).
/// </summary>
/// <remarks>
/// Layout (little-endian): the format byte <see cref="Format"/> (never '{', which opens a JSON profile); id and title
/// (length-prefixed UTF-8); a flag byte; first and last day numbers when present; article count; the day sum (a
/// double); dated articles; then terms, languages, names, concepts and anchor names, each as a count and its entries
/// in the profile's own order (the clusterer breaks ties by it). A key is written as the bytes it shares with the
/// key before it and the UTF-8 bytes that follow (concept keys all start "#c:"); weights are 32-bit floats, written as
/// they are. Counts and lengths are unsigned LEB128. Keys are text: the readers refuse or replace unpaired surrogates,
/// which UTF-8 cannot hold.
/// </remarks>
internal static class StoryProfileCodec
{
    /// <summary>The first byte of every binary profile.</summary>
    public const byte Format = 1;

    private const byte TitleFromHeadlineFlag = 1;
    private const byte DigestFlag = 2;
    private const byte HasFirstFlag = 4;
    private const byte HasLastFlag = 8;

    public static byte[] Encode(StoryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var writer = new CompactWriter(256 + (16 * (profile.Terms.Count + profile.Names.Count + profile.Concepts.Count)));
        writer.Byte(Format);
        writer.Text(profile.Id);
        writer.Text(profile.Title ?? string.Empty);
        var flags = (byte)((profile.TitleFromHeadline ? TitleFromHeadlineFlag : 0) | (profile.IsDigest ? DigestFlag : 0)
            | (profile.First is null ? 0 : HasFirstFlag) | (profile.Last is null ? 0 : HasLastFlag));
        writer.Byte(flags);
        if (profile.First is { } first)
        {
            writer.Count(first.DayNumber);
        }

        if (profile.Last is { } last)
        {
            writer.Count(last.DayNumber);
        }

        writer.Count(profile.ArticleCount);
        writer.Double(profile.DaySum);
        writer.Count(profile.DatedArticles);
        WriteWeights(writer, profile.Terms);
        writer.Count(profile.Languages.Count);
        writer.ResetKey();
        foreach (var (language, count) in profile.Languages)
        {
            writer.Key(language);
            writer.Count(count);
        }

        WriteWeights(writer, profile.Names);
        WriteWeights(writer, profile.Concepts);
        writer.Count(profile.AnchorNames.Count);
        writer.ResetKey();
        foreach (var name in profile.AnchorNames)
        {
            writer.Key(name);
        }

        return writer.ToArray();
    }

    private static void WriteWeights(CompactWriter writer, Dictionary<string, float> weights)
    {
        writer.Count(weights.Count);
        writer.ResetKey();
        foreach (var (key, weight) in weights)
        {
            writer.Key(key);
            writer.Single(weight);
        }
    }

    /// <summary>A profile as a store gives it back: binary (<see cref="Encode"/>), or JSON as text or UTF-8 bytes (profiles stored before).</summary>
    public static StoryProfile Read(object value) => value switch
    {
        byte[] bytes when bytes.Length > 0 && bytes[0] == Format => Decode(bytes),
        byte[] bytes => StoreJson.DeserializeProfile(Encoding.UTF8.GetString(bytes)),
        string json => StoreJson.DeserializeProfile(json),
        _ => throw new InvalidDataException($"a story profile of unexpected type {value.GetType().Name}"),
    };

    public static StoryProfile Decode(ReadOnlySpan<byte> data)
    {
        var reader = new CompactReader(data);
        if (reader.Byte() != Format)
        {
            throw new InvalidDataException("not a binary story profile");
        }

        var id = reader.Text();
        var title = reader.Text();
        var flags = reader.Byte();
        DateOnly? first = (flags & HasFirstFlag) != 0 ? reader.Day() : null;
        DateOnly? last = (flags & HasLastFlag) != 0 ? reader.Day() : null;
        var profile = new StoryProfile
        {
            Id = id,
            Title = title,
            TitleFromHeadline = (flags & TitleFromHeadlineFlag) != 0,
            IsDigest = (flags & DigestFlag) != 0,
            First = first,
            Last = last,
            ArticleCount = reader.Count(),
            DaySum = reader.Double(),
            DatedArticles = reader.Count(),
        };
        ReadWeights(ref reader, profile.Terms);
        var languages = reader.Entries(2);
        reader.ResetKey();
        profile.Languages.EnsureCapacity(languages);
        for (var i = 0; i < languages; i++)
        {
            var language = reader.Key();
            profile.Languages[language] = reader.Count();
        }

        ReadWeights(ref reader, profile.Names);
        ReadWeights(ref reader, profile.Concepts);
        var anchors = reader.Entries(2);
        reader.ResetKey();
        for (var i = 0; i < anchors; i++)
        {
            profile.AnchorNames.Add(reader.Key());
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException("a binary story profile with bytes after its end");
        }

        return profile;
    }

    private static void ReadWeights(ref CompactReader reader, Dictionary<string, float> into)
    {
        var count = reader.Entries(6);
        reader.ResetKey();
        into.EnsureCapacity(count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.Key();
            into[key] = reader.Single();
        }
    }
}
