namespace Chorus.Core.Stories.Comparison;

/// <summary>What a count stands for in an event: numbers of dead, injured, missing, evacuated or arrested people are different slots.</summary>
public enum FigureRole : byte
{
    None,
    Dead,
    Injured,
    Missing,
    Evacuated,
    Arrested,
    Rescued,
}

/// <summary>
/// Finds the role of a figure from the words around it: its own counted noun ("twaalf doden", "vier Tote") or the
/// nearest role word in its sentence ("vier mensen kwamen om het leven", "21 mensen raakten gewond"). The words are
/// Dutch, English and German word beginnings, so inflections and compounds ("gewonden", "Todesopfer") match.
/// </summary>
internal static class FigureRoles
{
    // Word beginnings per role. Kept short and specific: "dood" would also match "doodgewoon", so the Dutch forms are listed.
    private static readonly (FigureRole Role, string[] Starts)[] Cues =
    [
        (FigureRole.Dead, ["doden", "dode", "dood", "omgekomen", "omkwamen", "kwamen om", "kwam om", "om het leven", "overleden", "overleed", "gedood", "dodental", "dodentol",
            "killed", "dead", "died", "death", "fatalit", "tote", "toten", "getötet", "gestorben", "starben", "starb", "ums leben", "todesopfer"]),
        // Taken to hospital or treated for smoke are the injured of an accident or a fire, however a source words it.
        (FigureRole.Injured, ["gewond", "verwond", "injur", "wounded", "hurt", "verletz", "verwundet", "naar het ziekenhuis", "naar een ziekenhuis",
            "in het ziekenhuis opgenomen", "in het ziekenhuis behandeld", "rookvergiftiging", "rookinhalatie", "to hospital", "to a hospital",
            "hospitalised", "hospitalized", "smoke inhalation", "ins krankenhaus", "in ein krankenhaus", "im krankenhaus behandelt", "rauchvergiftung"]),
        (FigureRole.Missing, ["vermist", "missing", "vermisst"]),
        (FigureRole.Evacuated, ["geëvacueerd", "evacu", "evaku"]),
        (FigureRole.Arrested, ["aangehouden", "gearresteerd", "opgepakt", "arrest", "detain", "in custody", "festgenommen", "verhaftet", "inhaftiert", "in gewahrsam", "festgesetzt"]),
        // Found or brought out alive: survivors of an avalanche, a collapse, a shipwreck. Whole phrases: "levendig",
        // "lebendig" and "geredeneerd" begin like the single words.
        (FigureRole.Rescued, ["levend gevonden", "levend geborgen", "levend onder", "levend uit", "levend aan", "werden gered", "werd gered", "zijn gered", "is gered", "gered uit", "rescued", "found alive",
            "pulled alive", "brought out alive", "lebend geborgen", "lebend gefunden", "lebend aus", "gerettet"]),
    ];

    // Separable verbs whose particle stands apart at the end of a main clause ("De politie hield ruim 20 boeren aan",
    // "Die Polizei nahm drei Männer fest"): the finite verb is the cue when its particle follows later in the sentence.
    private static readonly (FigureRole Role, string[] Verbs, string Particle)[] SeparableCues =
    [
        (FigureRole.Arrested, ["hield", "hielden", "houdt", "houden"], "aan"),
        (FigureRole.Arrested, ["pakte", "pakten", "pakt", "pakken"], "op"),
        (FigureRole.Dead, ["kwam", "kwamen", "komt", "komen"], "om"),
        (FigureRole.Arrested, ["nahm", "nahmen", "nimmt", "nehmen"], "fest"),
    ];

    /// <summary>The role of the figure at [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>, looking within the sentence [<paramref name="sentenceStart"/>, <paramref name="sentenceEnd"/>).</summary>
    public static FigureRole RoleOf(string text, int sentenceStart, int sentenceEnd, int start, int end, string? unit)
    {
        if (unit is not null && CueAt(unit, 0) is { } own)
        {
            return own;
        }

        var best = FigureRole.None;
        var bestDistance = int.MaxValue;
        for (var i = sentenceStart; i < sentenceEnd; i++)
        {
            // Only at a word start: "ondood" is no cue.
            if (i > sentenceStart && char.IsLetter(text[i - 1]))
            {
                continue;
            }

            if (!char.IsLetter(text[i]) || (CueAt(text.AsSpan(i, sentenceEnd - i), 0) ?? SeparableAt(text, i, sentenceEnd)) is not { } role)
            {
                continue;
            }

            var distance = i >= end ? i - end : Math.Max(0, start - i);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (role, distance);
            }
        }

        return best;
    }

    // "geen doden", "keine Verletzten", "no injuries": a negative determiner before the role noun itself.
    private static readonly HashSet<string> NoneDeterminers = new(StringComparer.OrdinalIgnoreCase) { "geen", "kein", "keine", "keinen", "no" };

    // "niemand raakte gewond", "nobody was hurt", "niemand wurde verletzt": no one, with the role word a few words on.
    private static readonly HashSet<string> NoOne = new(StringComparer.OrdinalIgnoreCase) { "niemand", "nobody", "none", "niemanden" };

    /// <summary>
    /// Statements that no one filled a role ("Er raakte niemand gewond", "Es gab keine Toten", "No one was injured"):
    /// a count of zero, which a source reporting two injured contradicts. The role word must follow the negation closely
    /// (the next word after "geen"/"keine"/"no", within three words after "niemand"/"nobody"/"no one"), so "geen
    /// commentaar op het aantal doden" states nothing.
    /// </summary>
    public static List<(int Start, int End, FigureRole Role)> Nones(string text, int sentenceStart, int sentenceEnd)
    {
        var result = new List<(int Start, int End, FigureRole Role)>();
        var words = new List<(int Start, int End)>();
        for (var i = sentenceStart; i < sentenceEnd;)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < sentenceEnd && char.IsLetter(text[end]))
            {
                end++;
            }

            words.Add((i, end));
            i = end;
        }

        for (var k = 0; k < words.Count; k++)
        {
            var word = text.AsSpan(words[k].Start, words[k].End - words[k].Start);
            var (reach, end) = NoneDeterminers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
                ? (k + 1 < words.Count && word.Equals("no", StringComparison.OrdinalIgnoreCase) && text.AsSpan(words[k + 1].Start, words[k + 1].End - words[k + 1].Start).Equals("one", StringComparison.OrdinalIgnoreCase) ? (3, k + 2) : (1, k + 1))
                : NoOne.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) ? (3, k + 1) : (0, k + 1);
            for (var j = end; j < Math.Min(words.Count, end + reach); j++)
            {
                if (CueAt(text.AsSpan(words[j].Start, sentenceEnd - words[j].Start), 0) is { } role)
                {
                    result.Add((words[k].Start, words[end - 1].End, role));
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>The role of a separable verb at <paramref name="at"/> whose particle follows as a word before the sentence ends.</summary>
    private static FigureRole? SeparableAt(string text, int at, int sentenceEnd)
    {
        var wordEnd = at;
        while (wordEnd < sentenceEnd && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        var word = text.AsSpan(at, wordEnd - at);
        foreach (var (role, verbs, particle) in SeparableCues)
        {
            foreach (var verb in verbs)
            {
                if (word.Equals(verb, StringComparison.OrdinalIgnoreCase) && ClosesWith(text.AsSpan(wordEnd, sentenceEnd - wordEnd), particle))
                {
                    return role;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds <paramref name="particle"/> as a word closing a clause (before punctuation
    /// or the end): "hield ruim 20 boeren aan." but not "komen om 9 uur", where "om" is a preposition.
    /// </summary>
    private static bool ClosesWith(ReadOnlySpan<char> text, string particle)
    {
        var offset = 0;
        while (text[offset..].IndexOf(particle, StringComparison.OrdinalIgnoreCase) is var found && found >= 0)
        {
            var i = offset + found;
            var end = i + particle.Length;
            var rest = text[end..].TrimStart(' ');
            if ((i == 0 || !char.IsLetter(text[i - 1])) && (rest.IsEmpty || rest[0] is '.' or ',' or ';' or '!' or '?' or ':' or ')'))
            {
                return true;
            }

            offset = end;
        }

        return false;
    }

    private static FigureRole? CueAt(ReadOnlySpan<char> text, int at)
    {
        foreach (var (role, starts) in Cues)
        {
            foreach (var cue in starts)
            {
                // Short cues are whole words ("dood", "dead", "tote"), so "doodgewoon" and "deadline" are no cues.
                if (text.Length - at >= cue.Length && text.Slice(at, cue.Length).Equals(cue, StringComparison.OrdinalIgnoreCase)
                    && (cue.Length > 4 || text.Length - at == cue.Length || !char.IsLetter(text[at + cue.Length])))
                {
                    return role;
                }
            }
        }

        return null;
    }
}
