using Chorus.Core.Text;

namespace Chorus.Core.Stories.Comparison;

/// <summary>What a count stands for in an event: numbers of dead, injured, missing, evacuated, arrested or rescued people are different slots.</summary>
public enum FigureRole : byte
{
    None,
    Dead,
    Injured,
    Missing,
    Evacuated,
    Arrested,
    Rescued,

    /// <summary>The people on board a vehicle or vessel: its passengers and crew, whatever befell them.</summary>
    Aboard,

    /// <summary>
    /// A lead of one side over another ("een voorsprong van 25.000 stemmen", "liep 15.000 stemmen voor", "a lead of
    /// 3 points"): a difference, never a count of the thing itself, and one that moves either way as counting goes on.
    /// </summary>
    Margin,
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
            "killed", "dead", "died", "death", "fatalit", "tote", "toten", "getötet", "gestorben", "starben", "starb", "ums leben", "todesopfer",
            // German "tot" alone is Dutch "until": only with the verb of finding or recovering.
            "tot geborgen", "tot aufgefunden", "tot gefunden", "leblos"]),
        // Taken to hospital or treated for smoke are the injured of an accident or a fire, however a source words it.
        // A degree written into one word is hurt too: "lichtgewond", "zwaargewonden", "Schwerverletzte".
        (FigureRole.Injured, ["gewond", "verwond", "injur", "wounded", "hurt", "verletz", "verwundet", "naar het ziekenhuis", "naar een ziekenhuis",
            "lichtgewond", "zwaargewond", "schwerverletz", "leichtverletz", "schwerstverletz",
            "in het ziekenhuis opgenomen", "in het ziekenhuis behandeld", "rookvergiftiging", "rookinhalatie", "to hospital", "to a hospital",
            "hospitalised", "hospitalized", "smoke inhalation", "ins krankenhaus", "in ein krankenhaus", "im krankenhaus behandelt", "rauchvergiftung",
            // Treated where they were found or by the ambulance crew (not the crew: "ten paramedics arrived").
            "ter plaatse behandeld", "ter plekke behandeld", "ter plaatse verzorgd", "door ambulancepersoneel", "door het ambulancepersoneel",
            "treated at the scene", "treated by paramedics", "treated on the spot", "vor ort behandelt", "vor ort versorgt", "vom rettungsdienst"]),
        (FigureRole.Missing, ["vermist", "missing", "vermisst"]),
        (FigureRole.Evacuated, ["geëvacueerd", "evacu", "evaku"]),
        (FigureRole.Arrested, ["aangehouden", "gearresteerd", "opgepakt", "arrest", "detain", "in custody", "festgenommen", "verhaftet", "inhaftiert", "in gewahrsam", "festgesetzt"]),
        // Found or brought out alive: survivors of an avalanche, a collapse, a shipwreck. Whole phrases: "levendig",
        // "lebendig" and "geredeneerd" begin like the single words.
        (FigureRole.Rescued, ["levend gevonden", "levend geborgen", "levend onder", "levend uit", "levend aan", "werden gered", "werd gered", "zijn gered", "is gered", "gered uit", "rescued", "found alive",
            "pulled alive", "brought out alive", "lebend geborgen", "lebend gefunden", "lebend aus", "gerettet"]),
        // Who was on board ("Aan boord waren 212 passagiers", "The coach was carrying 52 passengers"): a count of its
        // own, never the injured among them ("18 Insassen wurden verletzt" stays injured, the nearer cue).
        // The occupants of a vehicle by their own noun ("de inzittenden", "die Insassen", "the occupants").
        (FigureRole.Aboard, ["aan boord", "on board", "aboard", "an bord", "was carrying", "were carrying", "inzittende", "insasse", "occupant"]),
    ];

    // Sitting in a vehicle is being on board: "In de bus zaten 48 mensen", "Im Reisebus saßen 48 Menschen", "48 people were
    // sitting in the coach": a verb of sitting or travelling and a vehicle's noun in one sentence.
    private static readonly HashSet<string> SitVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "zat", "zaten", "zit", "zitten", "reisde", "reisden", "saß", "saßen", "sitzen", "sitzt", "reiste", "reisten", "sat", "sitting", "travelling", "traveling",
    };

    // Vehicles by their word; the heads also end compounds ("schoolbus", "Reisebus", "veerboot", "Passagierschiff").
    private static readonly HashSet<string> Vehicles = new(StringComparer.OrdinalIgnoreCase)
    {
        "bus", "touringcar", "trein", "vliegtuig", "toestel", "boot", "schip", "veerpont", "auto", "wagen", "busje",
        "coach", "train", "plane", "aircraft", "boat", "ship", "ferry", "car", "vehicle", "minibus",
        "zug", "flugzeug", "maschine", "schiff", "fähre", "fahrzeug",
    };

    private static readonly string[] VehicleHeads = ["bus", "trein", "boot", "schip", "wagen", "vliegtuig", "flugzeug", "schiff", "fähre", "fahrzeug"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SitVerbLookup = SitVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VehicleLookup = Vehicles.GetAlternateLookup<ReadOnlySpan<char>>();

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
        bool? sits = null;
        return RoleOf(text, sentenceStart, sentenceEnd, start, end, unit, ref sits);
    }

    /// <summary>
    /// As above, for several figures of one sentence: whether the sentence seats people in a vehicle is worked out for
    /// the first figure that needs it and kept in <paramref name="sitsInAVehicle"/> (null until then) for the others.
    /// </summary>
    /// <remarks>
    /// A role word in the sentence goes to the figure nearest to it (<paramref name="sentenceFigures"/>, the spans of the
    /// sentence's figures; none given: this figure alone): "In de drie getroffen landen zijn 215 doden geregistreerd"
    /// counts 215 dead and three countries, "Zeven mensen raakten gewond, van wie twee ernstig" seven injured.
    /// </remarks>
    public static FigureRole RoleOf(string text, int sentenceStart, int sentenceEnd, int start, int end, string? unit, ref bool? sitsInAVehicle, IReadOnlyList<(int Start, int End)>? sentenceFigures = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsMargin(text, sentenceStart, sentenceEnd, start, end))
        {
            return FigureRole.Margin;
        }

        var ownRole = unit is null ? null : CueAt(unit, 0);
        if (ownRole is { } own && own != FigureRole.Aboard)
        {
            return own;
        }

        // Being on board is the weakest cue: "Eleven people on board were hurt" and "18 Insassen wurden verletzt" count
        // the injured.
        var best = FigureRole.None;
        var bestDistance = int.MaxValue;
        var aboard = ownRole == FigureRole.Aboard || (sitsInAVehicle ??= SitsInAVehicle(text.AsSpan(sentenceStart, sentenceEnd - sentenceStart)));
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

            if (role == FigureRole.Aboard)
            {
                aboard = true;
                continue;
            }

            var cueEnd = i;
            while (cueEnd < sentenceEnd && char.IsLetter(text[cueEnd]))
            {
                cueEnd++;
            }

            var distance = Distance(i, cueEnd, start, end);
            if (distance < bestDistance && !NearerToAnother(i, cueEnd, distance))
            {
                (best, bestDistance) = (role, distance);
            }
        }

        return best == FigureRole.None && aboard ? FigureRole.Aboard : best;

        bool NearerToAnother(int cue, int cueEnd, int distance)
        {
            foreach (var (otherStart, otherEnd) in sentenceFigures ?? [])
            {
                if (otherStart != start && Distance(cue, cueEnd, otherStart, otherEnd) < distance)
                {
                    return true;
                }
            }

            return false;
        }

        // Characters between the cue word and the figure. A cue as near after one figure as before another goes to the
        // one before it, the subject of a verb at the end of its clause ("waarbij vier mensen overleden twee
        // inzamelingen"); a figure in a prepositional phrase is no subject ("In zwei Dörfern starben 14 Menschen", "Bij
        // de brand in drie woningen raakten vijf bewoners gewond"). A cue reaches across a clause's comma only where no
        // figure of its own clause is nearer ("Zeven mensen raakten gewond, van wie twee ernstig"), or across a
        // coordinating conjunction ("honderden mensen zijn vermist en anderhalf miljoen mensen zitten opgesloten").
        int Distance(int cue, int cueEnd, int start, int end)
            => (cue >= end ? cue - end + ClauseGap(end, cue) : Math.Max(0, start - cueEnd) + 1 + ClauseGap(cueEnd, start))
            + (InPrepositionalPhrase(start) ? 20 : 0);

        // The word before the figure, or before its article, is a preposition.
        bool InPrepositionalPhrase(int figureStart)
        {
            var (b, e) = WordBefore(figureStart);
            if (Prepositions.Contains(text.AsSpan(b, e - b)))
            {
                return true;
            }

            if (!FigureModality.DeterminerLookup.Contains(text.AsSpan(b, e - b)))
            {
                return false;
            }

            (b, e) = WordBefore(b);
            return Prepositions.Contains(text.AsSpan(b, e - b));
        }

        (int Start, int End) WordBefore(int at)
        {
            var e = at;
            while (e > sentenceStart && text[e - 1] == ' ')
            {
                e--;
            }

            var b = e;
            while (b > sentenceStart && char.IsLetter(text[b - 1]))
            {
                b--;
            }

            return (b, e);
        }

        int ClauseGap(int from, int to)
        {
            var between = text.AsSpan(from, Math.Max(0, to - from));
            if (between.IndexOfAny(",;:") >= 0)
            {
                return 40;
            }

            foreach (var word in between.Split(' '))
            {
                if (Coordinators.Contains(between[word]))
                {
                    return 40;
                }
            }

            return 0;
        }
    }

    // Prepositions of place and circumstance: a figure after one names where or in what, not who.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Prepositions
        = new HashSet<string>(["in", "op", "bij", "uit", "aan", "naast", "tussen", "onder", "boven", "langs",
            "on", "at", "from", "into", "across", "im", "am", "auf", "bei", "beim", "aus", "an", "zwischen"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Conjunctions that join two clauses, each with its own figure and verb.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Coordinators
        = new HashSet<string>(FigureModality.CoordinatingConjunctions, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // "geen doden", "keine Verletzten", "no injuries": a negative determiner before the role noun itself.
    private static readonly HashSet<string> NoneDeterminers = new(StringComparer.OrdinalIgnoreCase) { "geen", "kein", "keine", "keinen", "no" };

    // "niemand raakte gewond", "nobody was hurt", "niemand wurde verletzt": no one, with the role word a few words on.
    private static readonly HashSet<string> NoOne = new(StringComparer.OrdinalIgnoreCase) { "niemand", "nobody", "none", "niemanden" };

    // People counted in a role as a plural noun: "geen mensen gewond", "keine Menschen getötet", "no passengers were injured",
    // and the subject of a German police report's "Personen wurden nicht verletzt".
    private static readonly HashSet<string> People = new(StringComparer.OrdinalIgnoreCase)
    {
        "mensen", "personen", "passagiers", "reizigers", "bewoners", "kinderen", "people", "persons", "passengers", "residents", "children",
        "menschen", "passagiere", "fahrgäste", "bewohner", "kinder",
    };

    private static readonly HashSet<string> Not = new(StringComparer.OrdinalIgnoreCase) { "niet", "not", "nicht" };

    /// <summary>
    /// Statements that no one filled a role ("Er raakte niemand gewond", "Es gab keine Toten", "No one was injured"):
    /// a count of zero, which a source reporting two injured contradicts. The role word must follow the negation closely
    /// (the next word after "geen"/"keine"/"no", within three words after "niemand"/"nobody"/"no one"), so "geen
    /// commentaar op het aantal doden" states nothing; after "geen mensen", "no passengers", within two words of the
    /// people). The role word may also open the sentence, with "niemand" closing its clause ("Gewond raakte niemand",
    /// "Verletzt wurde bei dem Unfall niemand"), and a sentence may open with the people, "nicht" before the role word
    /// ("Personen wurden nicht verletzt"). Read over the article's tokens of the sentence.
    /// </summary>
    public static IReadOnlyList<(int Start, int End, FigureRole Role)> Nones(string text, IReadOnlyList<Token> tokens, int sentenceStart, int sentenceEnd)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        List<(int Start, int End, FigureRole Role)>? result = null;
        var determiners = NoneDeterminers.GetAlternateLookup<ReadOnlySpan<char>>();
        var noOne = NoOne.GetAlternateLookup<ReadOnlySpan<char>>();
        var people = People.GetAlternateLookup<ReadOnlySpan<char>>();
        var first = StorySentences.FirstToken(tokens, sentenceStart, byEnd: false);
        while (first < tokens.Count && tokens[first].Start < sentenceEnd && tokens[first].Kind != TokenKind.Word)
        {
            first++;
        }

        var fronted = first < tokens.Count && tokens[first].Start < sentenceEnd ? CueAt(tokens[first].Of(text), 0) : null;
        if (first < tokens.Count && tokens[first].Start < sentenceEnd && people.Contains(tokens[first].Of(text)) && PeopleNotInARole(text, tokens, first, sentenceEnd) is { } denied)
        {
            (result ??= []).Add((tokens[first].Start, tokens[first].End, denied));
        }

        for (var k = first; k < tokens.Count && tokens[k].Start < sentenceEnd; k++)
        {
            if (tokens[k].Kind != TokenKind.Word)
            {
                continue;
            }

            var word = tokens[k].Of(text);
            var next = NextWord(tokens, k, sentenceEnd);

            // "Gewond raakte niemand.": the role word opened the clause that "niemand" closes, within seven words.
            if (fronted is { } frontedRole && noOne.Contains(word) && k - first <= 7 && (k + 1 == tokens.Count || tokens[k + 1].Start >= sentenceEnd || tokens[k + 1].Kind == TokenKind.Punctuation)
                && !HasPunctuationBetween(tokens, first, k))
            {
                (result ??= []).Add((tokens[k].Start, tokens[k].End, frontedRole));
                continue;
            }

            var (reach, after) = determiners.Contains(word)
                ? (next >= 0 && word.Equals("no", StringComparison.OrdinalIgnoreCase) && tokens[next].Of(text).Equals("one", StringComparison.OrdinalIgnoreCase) ? (3, next)
                    : next >= 0 && people.Contains(tokens[next].Of(text)) ? (3, k) : (1, k))
                : noOne.Contains(word) ? (3, k) : (0, k);
            var j = after;
            for (var n = 0; n < reach && (j = NextWord(tokens, j, sentenceEnd)) >= 0; n++)
            {
                if (CueAt(text.AsSpan(tokens[j].Start, sentenceEnd - tokens[j].Start), 0) is { } role)
                {
                    (result ??= []).Add((tokens[k].Start, tokens[after].End, role));
                    break;
                }
            }
        }

        return result ?? (IReadOnlyList<(int Start, int End, FigureRole Role)>)[];
    }

    // "Personen wurden nicht verletzt", "Menschen wurden bei dem Brand nicht verletzt": "nicht" within five words of the
    // people that open the sentence, the role word right after it.
    private static FigureRole? PeopleNotInARole(string text, IReadOnlyList<Token> tokens, int first, int sentenceEnd)
    {
        var not = Not.GetAlternateLookup<ReadOnlySpan<char>>();
        var j = first;
        for (var n = 0; n < 5 && (j = NextWord(tokens, j, sentenceEnd)) >= 0; n++)
        {
            if (not.Contains(tokens[j].Of(text)))
            {
                var role = NextWord(tokens, j, sentenceEnd) is var r and >= 0 ? CueAt(tokens[r].Of(text), 0) : null;
                return HasPunctuationBetween(tokens, first, j) ? null : role;
            }
        }

        return null;
    }

    private static bool HasPunctuationBetween(IReadOnlyList<Token> tokens, int from, int to)
    {
        for (var i = from + 1; i < to; i++)
        {
            if (tokens[i].Kind == TokenKind.Punctuation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the next word token after <paramref name="k"/> inside the sentence; -1 for none.</summary>
    private static int NextWord(IReadOnlyList<Token> tokens, int k, int sentenceEnd)
    {
        for (var i = k + 1; i < tokens.Count && tokens[i].Start < sentenceEnd; i++)
        {
            if (tokens[i].Kind == TokenKind.Word)
            {
                return i;
            }
        }

        return -1;
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
    internal static bool ClosesWith(ReadOnlySpan<char> text, string particle)
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

    private static bool SitsInAVehicle(ReadOnlySpan<char> sentence)
    {
        var (sits, vehicle) = (false, false);
        foreach (var range in sentence.SplitAny(" ,.;:!?()\"'"))
        {
            var word = sentence[range];
            sits |= SitVerbLookup.Contains(word);
            vehicle |= VehicleLookup.Contains(word) || IsVehicleCompound(word);
        }

        return sits && vehicle;

        // A compound with at least three letters before a vehicle head ("schoolbus", "Reisebus"); short heads that end
        // other words ("Abzug", "Umzug", "Oscar") count only as whole words.
        static bool IsVehicleCompound(ReadOnlySpan<char> word)
        {
            foreach (var head in VehicleHeads)
            {
                if (word.Length >= head.Length + 3 && word.EndsWith(head, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    // Nouns of a lead, and compounds ending in them ("stemmenverschil", "puntenvoorsprong"); whole words, so "verschillende"
    // is none.
    // A gap seen from behind is the same figure ("achterstand", "gat", "deficit", "Rückstand").
    private static readonly string[] MarginNouns = ["voorsprong", "verschil", "marge", "achterstand", "gat", "lead", "margin", "deficit", "gap", "vorsprung", "abstand", "rückstand"];

    // Prepositions that tie a lead noun to its figure ("voorsprong van", "lead of", "Vorsprung von").
    private static readonly HashSet<string> MarginOf = new(StringComparer.OrdinalIgnoreCase) { "van", "of", "von" };

    // Verbs of a change and the prepositions of its new value ("de voorsprong is geslonken van 29.000 tot 15.702 stemmen",
    // "the lead narrowed to 2 points", "der Vorsprung schrumpfte auf 15.000 Stimmen"): the figure after them is the lead's.
    // "liep" stands for "liep terug" and "liep op", whose particle may follow the figure.
    private static readonly HashSet<string> ChangeVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "geslonken", "gekrompen", "teruggelopen", "gedaald", "afgenomen", "opgelopen", "gestegen", "gegroeid", "toegenomen", "verkleind", "vergroot",
        "slonk", "kromp", "liep", "daalde", "steeg", "groeide",
        "narrowed", "shrank", "shrunk", "fell", "dropped", "grew", "widened", "rose", "increased", "decreased",
        "geschrumpft", "schrumpfte", "gesunken", "sank", "gestiegen", "stieg", "gewachsen", "wuchs",
    };

    private static readonly HashSet<string> ChangeTo = new(StringComparer.OrdinalIgnoreCase) { "tot", "naar", "to", "auf" };

    // Dutch verbs of being ahead whose particle is "voor" (voorliggen, voorlopen, voorstaan, voorgaan).
    private static readonly HashSet<string> AheadVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "ligt", "lag", "lagen", "liggen", "loopt", "liep", "liepen", "lopen", "staat", "stond", "stonden", "staan", "gaat", "ging", "gingen", "gaan",
    };

    // Words that close a count as a lead ("liep 15.000 stemmen voor", "15,000 votes ahead", "15.000 Stimmen vorn").
    private static readonly HashSet<string> AheadWords = new(StringComparer.OrdinalIgnoreCase) { "voor", "ahead", "vorn", "vorne", "voraus" };

    // Words after a count that make it a gap from behind ("staat twee punten achter", "two points behind", "drei Punkte
    // hinter", "vier Punkte zurück"). Each also closes other verbs ("lieten drie kinderen achter", "left 200 families
    // behind", "kehrten 200 Touristen zurück") or places a count behind something ("drie agenten stonden achter het hek"),
    // so a gap needs a verb of lying, standing or trailing before the count (BehindVerbs) and the word right after it.
    private static readonly HashSet<string> BehindWords = new(StringComparer.OrdinalIgnoreCase) { "achter", "behind", "hinter", "zurück" };

    // Verbs of a standing seen from behind, in their present and past forms.
    private static readonly HashSet<string> BehindVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "staat", "stond", "stonden", "staan", "ligt", "lag", "lagen", "liggen", "loopt", "liep", "liepen", "lopen", "hinkt", "hinkte",
        "is", "are", "was", "were", "sit", "sits", "sat", "trail", "trails", "trailed", "remain", "remains", "remained", "lie", "lies", "finished",
        "liegt", "liegen",
    };

    /// <summary>
    /// Whether the figure at [<paramref name="start"/>, <paramref name="end"/>) is a lead: "van"/"of"/"von" right before
    /// it and a lead noun at most two words before that ("een voorsprong (heeft) van 25.000 stemmen"), a lead noun
    /// earlier in the sentence whose change the figure ends ("het verschil is teruggelopen tot 20.509 stemmen"), or
    /// "voor"/"ahead"/"vorn" right after it ("Imamoglu liep nog altijd vijftienduizend stemmen voor.", "stond ruim 25 duizend
    /// stemmen voor op zijn rivaal"). Only these tight
    /// forms: the nearest-word rule of the other roles made every count of a sentence that names a lead a lead.
    /// </summary>
    internal static bool IsMargin(string text, int sentenceStart, int sentenceEnd, int start, int end)
    {
        // After: "voor" closing the clause, "ahead"/"vorn" as the next word.
        var after = text.AsSpan(end, Math.Max(0, sentenceEnd - end)).TrimStart(' ');
        var next = 0;
        while (next < after.Length && char.IsLetter(after[next]))
        {
            next++;
        }

        // Before: the words back to the sentence start.
        var before = text.AsSpan(sentenceStart, Math.Max(0, start - sentenceStart));
        var words = new List<Range>();
        foreach (var range in before.SplitAny(" ,;:()\"'\u2018\u2019\u201C\u201D"))
        {
            if (!before[range].IsEmpty)
            {
                words.Add(range);
            }
        }

        // "met vijf punten achterstand", "fünf Punkte Vorsprung", "15.000 stemmen verschil": the lead noun itself right
        // after the count (the whole word: "verschillend" is none).
        if (next > 0 && (next == after.Length || !char.IsLetterOrDigit(after[next])) && IsMarginNoun(after[..next]))
        {
            return true;
        }

        if (next > 0 && AheadWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(after[..next]))
        {
            // Dutch "voor" closes many separable verbs ("stelde drie maatregelen voor"): a lead only with a verb of
            // lying, running or standing ahead before the figure, and closing the clause.
            if (!after[..next].Equals("voor", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // "liep 15.000 stemmen voor." and "stond 25 duizend stemmen voor op zijn rivaal" (ahead of someone).
            var rest = after[next..].TrimStart(' ');
            if (rest.IsEmpty || rest[0] is '.' or ',' or ';' or '!' or '?' or ':' or ')' || rest.StartsWith("op ", StringComparison.OrdinalIgnoreCase))
            {
                var verbs = AheadVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
                foreach (var w in words)
                {
                    if (verbs.Contains(before[w]))
                    {
                        return true;
                    }
                }
            }
        }

        // "staat twee punten achter (op PSV)", "are two points behind City", "liegt drei Punkte hinter den Bayern": a
        // verb of the standing before the count (the subject, adverbs and places may stand between: "staat Ajax voor de
        // topper in Amsterdam nog maar"), and after the word what a standing has: Dutch "achter" and German "zurück"
        // close the clause or take "op" (behind whom); English "behind" takes a name, not a place ("200 people were
        // behind the barrier").
        if (next > 0 && BehindWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(after[..next]) && StandingFollows(after[..next], after[next..].TrimStart(' ')))
        {
            var verbs = BehindVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var i = words.Count - 1; i >= 0; i--)
            {
                if (verbs.Contains(before[words[i]]))
                {
                    return true;
                }
            }
        }

        // "een voorsprong van", "een voorsprong heeft van", "the lead is now of": the noun at most two words before the preposition.
        if (words.Count >= 2 && MarginOf.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before[words[^1]]))
        {
            for (var i = words.Count - 2; i >= Math.Max(0, words.Count - 4); i--)
            {
                if (IsMarginNoun(before[words[i]]))
                {
                    return true;
                }
            }
        }

        // The new value of a change: "tot"/"naar"/"to"/"auf" right before, a change verb and a lead noun before that.
        if (words.Count < 3 || !ChangeTo.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before[words[^1]]))
        {
            return false;
        }

        var changed = -1;
        var changeVerbs = ChangeVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = words.Count - 2; i >= 0 && changed < 0; i--)
        {
            if (changeVerbs.Contains(before[words[i]]))
            {
                changed = i;
            }
        }

        for (var i = changed - 1; i >= 0; i--)
        {
            if (IsMarginNoun(before[words[i]]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StandingFollows(ReadOnlySpan<char> word, ReadOnlySpan<char> rest)
    {
        var closes = rest.IsEmpty || rest[0] is '.' or ',' or ';' or '!' or '?' or ':' or ')';
        return word.Equals("hinter", StringComparison.OrdinalIgnoreCase)
            || (word.Equals("behind", StringComparison.OrdinalIgnoreCase) ? closes || char.IsUpper(rest[0])
                : closes || rest.StartsWith("op ", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsMarginNoun(ReadOnlySpan<char> word)
    {
        foreach (var noun in MarginNouns)
        {
            if (word.EndsWith(noun, StringComparison.OrdinalIgnoreCase) && (word.Length == noun.Length || word.Length >= noun.Length + 4))
            {
                return true;
            }
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
