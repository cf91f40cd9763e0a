namespace Chorus.Core.Extraction.Ner;

/// <summary>
/// What the tagger's chunks say of themselves that the model gets wrong, applied once per sentence after decoding, in
/// this order on each chunk: a place or organisation right after a word of a learned trade is a person
/// (<see cref="PersonAppositions"/>); a person ending in an institution's or venue's word is that institution or venue
/// (<see cref="InstitutionHeads"/>); a one-word person that is the word for a place's people is MISC
/// (<see cref="Demonyms"/>). Chunk bounds never change, only types.
/// </summary>
public static class ChunkRetyping
{
    private const int Person = 1;
    private const int Misc = 4;

    public static void Apply(IReadOnlyList<string> words, int[] tags, NameGazetteer gazetteer)
        => Apply(words, tags, gazetteer, []);

    /// <param name="chunks">A list to reuse for the sentence's chunks (cleared first).</param>
    public static void Apply(IReadOnlyList<string> words, int[] tags, NameGazetteer gazetteer, List<(int Start, int End, int Type)> chunks)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(chunks);
        chunks.Clear();
        NerTags.Chunks(tags, chunks);
        foreach (var (start, end, tagged) in chunks)
        {
            var type = tagged;
            if (type is 2 or 3 && start > 0 && tags[start - 1] == NerTags.O && PersonAppositions.IsPersonNoun(words[start - 1]))
            {
                type = Person;
            }

            if (type == Person && InstitutionHeads.TypeOf(words[end - 1], end - start == 1) is var institution and > 0)
            {
                type = institution;
            }

            if (type == Person && end - start == 1 && Demonyms.IsDemonym(words[start], gazetteer))
            {
                type = Misc;
            }

            if (type != tagged)
            {
                NerTags.Retag(tags, start, end, type);
            }
        }
    }
}
