namespace Chorus.Core.Extraction.Ner;

/// <summary>The IOB2 tag set of the tagger, in a fixed order that the model file relies on.</summary>
public static class NerTags
{
    public static IReadOnlyList<string> All { get; } = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    public static IReadOnlyList<string> Types { get; } = [.. Analysis.EntityTypes.All.Select(Analysis.EntityTypes.Code)];

    public const int O = 0;

    public static int Count => All.Count;

    public static int IndexOf(string tag)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], tag, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>0 for O, else 1 + the type index (PER=1 … MISC=4).</summary>
    public static int TypeOf(int tag) => tag == O ? 0 : ((tag - 1) / 2) + 1;

    public static bool IsBegin(int tag) => tag != O && (tag - 1) % 2 == 0;

    public static bool IsInside(int tag) => tag != O && (tag - 1) % 2 == 1;

    /// <summary>Tags tokens [start, end) as one chunk of type 1–4 (PER … MISC): B-X, then I-X.</summary>
    public static void Retag(int[] tags, int start, int end, int type)
    {
        ArgumentNullException.ThrowIfNull(tags);
        for (var i = start; i < end; i++)
        {
            tags[i] = i == start ? (2 * type) - 1 : 2 * type;
        }
    }

    /// <summary>IOB2: an I-X may only follow B-X or I-X.</summary>
    public static bool Allowed(int previous, int tag)
        => !IsInside(tag) || (previous != O && TypeOf(previous) == TypeOf(tag));

    /// <summary>
    /// The entity chunks of one sentence's tags, in order: (first token, end token, type 1–4). A chunk starts at
    /// B-X, or at an I-X that does not continue a chunk of type X, and runs while I-X follows (as
    /// <see cref="ConllEvaluator.Chunks"/> reads tag strings).
    /// </summary>
    public static void Chunks(ReadOnlySpan<int> tags, List<(int Start, int End, int Type)> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var start = -1;
        var type = 0;
        for (var i = 0; i <= tags.Length; i++)
        {
            var tag = i < tags.Length ? tags[i] : O;
            var continues = IsInside(tag) && type != 0 && TypeOf(tag) == type;
            if (type != 0 && !continues)
            {
                into.Add((start, i, type));
                type = 0;
            }

            if (tag != O && !continues)
            {
                start = i;
                type = TypeOf(tag);
            }
        }
    }
}
