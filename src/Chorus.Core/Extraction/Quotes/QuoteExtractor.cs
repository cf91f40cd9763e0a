using Chorus.Core.Analysis;
using Chorus.Core.Entities;

namespace Chorus.Core.Extraction.Quotes;

/// <summary>
/// A direct quote (its content, without the quote marks) and who said it, when the text says so. An anonymous
/// speaker ("een omwonende") is described, not named: no entity.
/// </summary>
public readonly record struct QuoteMention(int Start, int End, string? Speaker, int SpeakerStart, int SpeakerEnd, string? Cue, bool Anonymous = false);

/// <summary>
/// Finds direct quotes in “…”, „…”, "…", '…', ‘…’ and «…», including quotes that run over several sentences
/// and, by the newspaper convention of re-opening the quote at each paragraph, over several paragraphs.
/// A speaker is found, in this order:
/// <list type="number">
/// <item>from the cue after the quote: a name (", zegt X", ", said X", ", X said", ", sagte X"; a capitalised name
/// right at a verb of saying counts as a person even when the tagger typed it otherwise or not at all);</item>
/// <item>a pronoun at the cue (", zegt ze", ", he said"): the nearest person of a compatible gender, walking back
/// sentence by sentence and taking each sentence's persons in order (its subject first), over up to four
/// sentences; gender from the given name or a title before it (<see cref="PersonGender"/>), unknown never
/// excluded;</item>
/// <item>a noun phrase at the cue: a definite role noun names the person introduced with it (", zegt de
/// wethouder" after "Wethouder Lot van Hooijdonk"); otherwise the phrase is the speaker as written (", zegt een
/// omwonende", ", the spokeswoman said", ", sagte eine Anwohnerin"): anonymous, not unknown;</item>
/// <item>from an introduction before it ("X zegt: “…”", "X: “…”", "Volgens X is het “…”");</item>
/// <item>for a quote that follows another in the same or the next paragraph without a cue of its own, from that
/// quote, unless another person is named in between;</item>
/// <item>an interview's answer after a question: the interviewee, named with a colon or the person most named;</item>
/// <item>the sentence before that reports someone ("…, weet Uilenberg.", "volgens X", "volgens hem") or opens with
/// them, or the sentence after that claims the quote ("Dat vindt X");</item>
/// <item>a definite role phrase nobody was introduced with ("zei de premier"): the person just quoted or reported.</item>
/// </list>
/// A person who only completes the cue's phrase ("de woordvoerder van burgemeester X") is not the speaker.
/// A short name ("Breuker") is resolved to the full name in the article ("Remco Breuker"). Immutable and thread-safe.
/// </summary>
public sealed class QuoteExtractor
{
    private static readonly HashSet<string> Cues = new(StringComparer.OrdinalIgnoreCase)
    {
        "zegt", "zei", "zeggen", "zeiden", "aldus", "vertelt", "vertelde", "legt", "legde", "stelt", "stelde", "meldt", "meldde", "schrijft", "schreef",
        "verklaart", "verklaarde", "benadrukt", "benadrukte", "reageert", "reageerde", "waarschuwt", "waarschuwde", "antwoordt", "antwoordde",
        "vraagt", "vroeg", "roept", "riep", "zucht", "zuchtte", "lacht", "lachte", "voegt", "voegde", "concludeert", "concludeerde", "erkent", "erkende",
        "beweert", "beweerde", "claims", "claimed", "behauptete", "behauptet", "licht", "lichtte",
        "said", "says", "told", "added", "adds", "explained", "asked", "warned", "wrote", "according", "stated", "insisted", "replied",
        "sagte", "sagt", "erklärte", "erklärt", "so", "betonte", "betont", "schrieb", "warnte", "fügte", "meinte", "sagten",
    };

    // Verbs a writer hands a quote over with after it, besides saying: knowing, finding, sighing, joking, confirming,
    // going on. Only after the quote: before one they report nothing ("bevestigt zijn naam als '…'", "wist niet dat").
    private static readonly HashSet<string> AfterCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "weet", "wist", "vindt", "vond", "meent", "meende", "verzucht", "verzuchtte", "grapt", "grapte", "beaamt", "beaamde", "vervolgt",
        "vervolgde", "bevestigt", "bevestigde", "constateert", "constateerde", "oordeelt", "oordeelde", "klaagt", "klaagde", "vult", "vulde",
        "noted", "notes", "admitted", "admits", "acknowledged", "argued", "argues", "recalled", "recalls", "continued", "confirmed", "joked",
        "ergänzte", "ergänzt", "räumte", "bestätigte", "kritisierte", "erzählte", "erzählt", "berichtete", "meint", "klagte",
    };

    // Words that make the name after them another's than the speaker's: "de woordvoerder van burgemeester Bolsius", "a
    // spokesman for Mayor Smith", "zei de officier … tegen verdachte Jos B.".
    private static readonly HashSet<string> OfAnother = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "tegen", "voor", "namens", "bij", "met", "over", "aan", "door", "uit", "naast", "zonder", "tussen",
        "of", "for", "against", "to", "with", "at", "by", "from", "about", "behind", "without", "on",
        "von", "vom", "gegen", "für", "bei", "beim", "mit", "über", "durch", "aus", "des", "zum", "zur",
    };

    // Words that open a noun phrase naming a speaker without a name: "een omwonende", "the spokeswoman", "eine Anwohnerin".
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "een", "de", "het", "a", "an", "the", "one", "ein", "eine", "einer", "der", "die", "das",
    };

    private static readonly HashSet<string> Definite = new(StringComparer.OrdinalIgnoreCase) { "de", "het", "the", "der", "die", "das" };

    public List<QuoteMention> Extract(string text, IReadOnlyList<EntityMention> entities) => Extract(text, entities, [], "nl");

    /// <param name="text">The article text.</param>
    /// <param name="entities">Its entity mentions; persons are the candidate speakers.</param>
    /// <param name="names">Capitalised name spans, typed or not: a name at a verb of saying is a person.</param>
    /// <param name="lang">The article's language, for pronouns and the gender of nouns.</param>
    public List<QuoteMention> Extract(string text, IReadOnlyList<EntityMention> entities, IReadOnlyList<NameMention> names, string lang)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(names);
        var spans = FindQuotes(text);
        bool InQuote(int offset) => spans.Any(q => q.Start <= offset && offset < q.End);

        // Persons outside quotes: "Manuel hat uns…" inside a quote is not who speaks.
        var people = entities.Where(e => e.Type == EntityType.Person && !InQuote(e.Start)).OrderBy(e => e.Start).ToList();
        var context = new Context(text, people, names.Where(n => !InQuote(n.Start)).ToList(), lang)
        {
            // Names the tagger typed as something else than a person: no speaker by position alone.
            Typed = entities.Where(e => e.Type != EntityType.Person).Select(e => e.Start).ToHashSet(),
            Spans = spans,
        };
        var result = new List<QuoteMention>();
        QuoteMention? previous = null;
        // Who answers the questions of an interview: the last person introduced with a colon ("De Jonge: '…'") or
        // found answering.
        EntityMention? interviewee = null;
        foreach (var (start, end, close) in spans)
        {
            var attribution = After(context, start, close) ?? Before(context, start - 1) ?? InSentence(context, start - 1, close);
            var speaker = attribution?.Speaker;
            var cue = attribution?.Cue;
            var question = QuestionBefore(context, start);
            var answer = question > 0;
            if (attribution is null && answer && (interviewee ?? MostNamed(context, start, question)) is { } asked)
            {
                (speaker, cue) = (asked, "answer");
            }

            // Another person named between the two quotes (outside the first one's attribution) breaks the chain.
            if (attribution is null && previous is { Speaker: not null, SpeakerStart: >= 0 } p && Continues(text, p.End, start)
                && !people.Any(e => e.Start > SentenceEnd(text, p.End) && e.End <= start))
            {
                if (p.Anonymous)
                {
                    (attribution, cue) = (new Attribution(null, "continued", (p.SpeakerStart, p.SpeakerEnd, p.Speaker)), "continued");
                }
                else
                {
                    (speaker, cue) = (new EntityMention(p.SpeakerStart, p.SpeakerEnd, EntityType.Person, MentionMethod.Quote), "continued");
                }
            }

            // A question before an answer is the interviewer's: a person it names is asked about, not answering.
            if (speaker is null && attribution is null && cue is null && !answer && Reported(context, start, close) is { } reporter)
            {
                (speaker, cue) = (reporter, "reported");
            }

            if (speaker is null && attribution is null && cue is null && Following(context, start, close) is { } named)
            {
                (speaker, cue) = (named, "following");
            }

            // "…', zei de premier", "De Maastrichtse hoogleraar zou graag zien dat … '…'": a definite role phrase
            // nobody was introduced with is the person the article has just been quoting.
            if (attribution is { Description: { } role } && RoleBack(context, role, start, close, reportedToo: true) is { } referent)
            {
                (attribution, speaker) = (null, referent);
            }

            QuoteMention mention;
            if (attribution is { Description: { } description })
            {
                mention = new QuoteMention(start, end, description.Text, description.Start, description.End, cue, Anonymous: true);
            }
            else if (speaker is { } sp)
            {
                mention = SpeakerName(text, sp, people) is { } full
                    ? new QuoteMention(start, end, Trimmed(text, WithSurname(context, full)), sp.Start, sp.End, cue)
                    : new QuoteMention(start, end, null, -1, -1, cue);
            }
            else
            {
                mention = new QuoteMention(start, end, null, -1, -1, cue);
            }

            result.Add(mention);
            previous = mention;
            if (speaker is { } answering && mention.Speaker is not null && (cue == ":" || (answer && attribution?.Cue is { } own && own == cue)))
            {
                interviewee = answering;
            }

            if (speaker is { } said && mention.Speaker is not null)
            {
                context.Spoken.Add((end, said));
            }
        }

        return result;
    }

    private sealed record Context(string Text, List<EntityMention> People, List<NameMention> Names, string Lang)
    {
        public IReadOnlySet<int> Typed { get; init; } = new HashSet<int>();

        // The quotes so far with a named speaker: where each ended, and who spoke.
        public List<(int End, EntityMention Speaker)> Spoken { get; } = [];

        // Every quote's content span.
        public IReadOnlyList<(int Start, int End, int AfterClose)> Spans { get; init; } = [];
    }

    private sealed record Attribution(EntityMention? Speaker, string Cue, (int Start, int End, string Text)? Description = null);

    /// <summary>Quote content spans and the index just after each closing mark.</summary>
    internal static List<(int Start, int End, int AfterClose)> FindQuotes(string text)
    {
        var found = new List<(int, int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var close = ClosingFor(text, i);
            if (close is null)
            {
                i++;
                continue;
            }

            var end = FindClose(text, i + 1, c, close.Value);
            if (end < 0)
            {
                i++;
                continue;
            }

            var contentStart = i + 1;
            var contentEnd = end;
            var content = text[contentStart..contentEnd];
            var words = content.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
            if (words >= 2 && !IsHeading(text, i, end + 1))
            {
                found.Add((contentStart, contentEnd, end + 1));
            }

            i = end + 1;
        }

        return found;
    }

    private static char? ClosingFor(string text, int i)
    {
        var c = text[i];
        var before = i == 0 ? ' ' : text[i - 1];
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        var boundary = char.IsWhiteSpace(before) || before is '(' or '[' or ':' or '—' or '-';
        return c switch
        {
            '“' => '”',
            '„' => '”',
            '«' => '»',
            '‘' when boundary && char.IsLetterOrDigit(after) => '’',
            '"' when boundary && !char.IsWhiteSpace(after) => '"',
            '\'' when boundary && char.IsLetter(after) && !IsElision(text, i) => '\'',
            _ => null,
        };
    }

    // 's, 't, 'n (Dutch elisions) and '81 are not quotes.
    private static bool IsElision(string text, int i)
        => i + 2 <= text.Length && (i + 2 == text.Length || !char.IsLetter(text[i + 2])) && text[i + 1] is 's' or 't' or 'n' or 'S' or 'T';

    /// <summary>The closing mark, searched in the paragraph and, when a following paragraph re-opens the quote, in that one.</summary>
    private static int FindClose(string text, int from, char open, char close)
    {
        var i = from;
        while (i < text.Length)
        {
            var c = text[i];
            // „…“ is closed by a high-six quote in German and older Dutch typesetting.
            var isClose = c == close || (open == '„' && c == '“');
            if (isClose && (close is not '\'' and not '"' || i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])))
            {
                return i;
            }

            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // Paragraph end without a close: the quote continues only if the next paragraph re-opens it.
                var next = i + 2;
                if (next < text.Length && text[next] == open)
                {
                    i = next + 1;
                    continue;
                }

                return -1;
            }

            i++;
        }

        return -1;
    }

    // A quoted heading ("'Grote fout'") is a title, not speech: a short line of its own without end punctuation.
    private static bool IsHeading(string text, int open, int afterClose)
    {
        var lineStart = open == 0 || text[open - 1] == '\n';
        var lineEnd = afterClose >= text.Length || text[afterClose] == '\n';
        return lineStart && lineEnd && afterClose - open < 80 && text[afterClose - 2] is not ('.' or '!' or '?')
            && text[(open + 1)..(afterClose - 1)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5;
    }

    private static Attribution? After(Context c, int quoteStart, int afterClose)
    {
        // ", zegt Koreakenner Remco Breuker", ", legt Breuker uit", ", aldus X", ", said X", ", X said", ", zegt ze", ", zegt een omwonende"
        var text = c.Text;
        var sentenceEnd = SentenceEnd(text, afterClose);
        var words = Words(text.AsSpan()[afterClose..sentenceEnd], afterClose);
        // The cue belongs to the quote when it comes within the first three words after it: ", zegt X", ", X said",
        // ", the spokeswoman said"; further on, a new sentence has begun ("Twee weken later voegde…").
        var cueIndex = words.FindIndex(wd => Cues.Contains(wd.Word) || AfterCues.Contains(wd.Word));
        // English puts a titled name before the verb: '…," Mayor Tom Reed admitted.'
        if (cueIndex < 0 || (cueIndex > 2 && !(c.Lang == "en" && cueIndex <= 4 && words.Take(cueIndex).All(w => char.IsUpper(w.Word[0])))))
        {
            return null;
        }

        // A quote that ends its own sentence ("….' Helemaal onhandig vindt hij het dat …") is followed by a new one.
        var content = text.AsSpan(quoteStart, Math.Max(0, afterClose - quoteStart)).TrimEnd().TrimEnd("\"'”’“‘«»").TrimEnd();
        // A verb of saying there still hands it over as before ("… onvrede is.' Normaal gesproken, zegt hoogleraar X, …");
        // an opinion verb opens its own sentence, and so does one after another quote ("'Inspirerend' vindt …").
        if (content.Length > 0 && content[^1] == '.' && words.Count > 0 && char.IsUpper(words[0].Word[0]) && words[0].Word != "Aldus"
            && (AfterCues.Contains(words[cueIndex].Word) || text.AsSpan(afterClose, words[cueIndex].Start - afterClose).IndexOfAny("\"'“”‘’„«»") >= 0))
        {
            return null;
        }

        var cue = words[cueIndex].Word;
        var between = c.People.Where(e => e.Start >= afterClose && e.End <= sentenceEnd).OrderBy(e => e.Start).ToList();
        if (between.FirstOrDefault(p => !CompletesAnother(c, words, cueIndex, p.Start)) is { End: > 0 } first)
        {
            return new Attribution(first, cue);
        }

        // A pronoun right before or after the cue: "zegt ze", "he said", "sagte sie".
        foreach (var wd in words.Skip(Math.Max(0, cueIndex - 1)).Take(3))
        {
            var gender = PersonGender.OfPronoun(wd.Word, c.Lang);
            if (gender != Gender.Unknown)
            {
                return Antecedent(c, quoteStart, gender) is { } person ? new Attribution(person, cue) : null;
            }
        }

        // A noun phrase: after the cue ("zegt een omwonende", "said one resident") or before it ("the spokeswoman said").
        // Only English puts the subject before the verb there; in Dutch and German that is a new sentence ("Een
        // bekende zegt dat…").
        var subjectFirst = c.Lang == "en" && cueIndex > 0;
        var phraseStart = cueIndex + 1 < words.Count && Determiners.Contains(words[cueIndex + 1].Word) ? cueIndex + 1
            : subjectFirst && Determiners.Contains(words[0].Word) ? 0 : -1;
        if (phraseStart >= 0 && Phrase(text, words, phraseStart, phraseStart == 0 ? cueIndex : words.Count, c.Lang) is { } phrase)
        {
            // "aldus de Nieuw-Zeelandse premier Jacinda Ardern": a name after the phrase is who it describes.
            if (phrase.Last + 1 < words.Count && c.Names.FirstOrDefault(n => n.Start == words[phrase.Last + 1].Start) is { End: > 0 } appositive)
            {
                return new Attribution(new EntityMention(appositive.Start, appositive.End, EntityType.Person, MentionMethod.Speaker), cue);
            }

            var noun = words[phrase.Last].Word;
            if (Definite.Contains(words[phraseStart].Word) && Introduced(c, noun, quoteStart) is { } introduced)
            {
                return new Attribution(introduced, cue);
            }

            // "…', meent de VVD'er": a definite phrase no role names, at a verb that only hands over, refers back to a
            // person the other rules find ("Pas als Rutte … grijpt de premier …").
            if (AfterCues.Contains(cue) && Definite.Contains(words[phraseStart].Word) && !RoleWords.IsRole(noun))
            {
                return null;
            }

            var from = words[phraseStart].Start;
            var to = words[phrase.Last].Start + noun.Length;
            return new Attribution(null, cue, (from, to, text[from..to]));
        }

        // The speaker is a phrase a person only completes ("de woordvoerder van burgemeester Bolsius"): no one named.
        if (between.Count > 0)
        {
            return new Attribution(null, cue);
        }

        // A capitalised name at the verb of saying is a person, whatever the tagger made of it: ", sagte Tuchel".
        var named = c.Names.FirstOrDefault(n =>
            (cueIndex + 1 < words.Count && n.Start == words[cueIndex + 1].Start) || (subjectFirst && n.Start == words[0].Start && n.End <= words[cueIndex].Start));
        return named.End > 0 ? new Attribution(new EntityMention(named.Start, named.End, EntityType.Person, MentionMethod.Speaker), cue) : null;
    }

    /// <summary>
    /// True when the person at <paramref name="personStart"/> completes a phrase headed by another noun after the cue
    /// ("zegt een woordvoerder van minister Jansen", "zei de officier van justitie … tegen verdachte Jos B.", "a
    /// spokesman for Mayor Smith said"): a word saying whose it is (or who it faces) stands before the person, titles
    /// and articles aside, and a word of the phrase stands before that.
    /// </summary>
    private static bool CompletesAnother(Context c, List<(string Word, int Start)> words, int cueIndex, int personStart)
    {
        // A capitalised word before the person is part of a name the tagger cut ("Karel" of "burgemeester Karel Bos"),
        // unless it is a person of its own ("voor de Partij voor de Dieren Anja Hazenkamp": "Dieren" was tagged one).
        var k = words.FindLastIndex(w => w.Start < personStart);
        while (k >= 0 && k != cueIndex && (RoleWords.IsRole(words[k].Word) || Determiners.Contains(words[k].Word)
            || (char.IsUpper(words[k].Word[0]) && !c.People.Any(p => p.Start <= words[k].Start && words[k].Start < p.End))))
        {
            k--;
        }

        // "tegen verdachte Jos B.", "van slachtoffer Anna": one noun may stand between the preposition and the person.
        if (k > 0 && k - 1 != cueIndex && !OfAnother.Contains(words[k].Word) && OfAnother.Contains(words[k - 1].Word))
        {
            k--;
        }

        if (k < 0 || k == cueIndex || !OfAnother.Contains(words[k].Word))
        {
            return false;
        }

        // A content word before the preposition other than the cue: the phrase's head ("woordvoerder", "moeder"). A
        // role of the person's own with its portfolio ("minister van Handel Anup Wadhawan") is the person's title.
        for (var i = k - 1; i >= 0; i--)
        {
            // Words said are their speaker's: "aldus de verlossende woorden van Clinton".
            if (i != cueIndex && !Determiners.Contains(words[i].Word))
            {
                return !SaidNouns.Contains(words[i].Word) && (!RoleWords.IsRole(words[i].Word) || Beside.Contains(words[i].Word.ToLowerInvariant()));
            }
        }

        return false;
    }

    /// <summary>
    /// A quote that ends its sentence and is claimed by the next one: "'…' (AD 2-4). Dat vindt staatssecretaris Tamara
    /// van Ark.", "Das sagt Anna Schmidt.", "That is what Mayor Reed said.", "Aldus Jansen.", "Gevleugelde woorden van
    /// Albert Vermeersch". The person right at the verb (or after "aldus", or the said noun's "van"); a pronoun there is
    /// resolved like one at a cue.
    /// </summary>
    private static EntityMention? Following(Context c, int quoteStart, int close)
    {
        var text = c.Text;
        var k = close;
        // A source in brackets between ("(AD 2-4)") belongs to the quote.
        while (k < text.Length && (char.IsWhiteSpace(text[k]) || text[k] is '.' or ')'))
        {
            k++;
        }

        if (k < text.Length && text[k] == '(')
        {
            var shut = text.IndexOf(')', k);
            if (shut < 0 || shut - k > 40)
            {
                return null;
            }

            k = shut + 1;
            while (k < text.Length && (char.IsWhiteSpace(text[k]) || text[k] == '.'))
            {
                k++;
            }
        }

        // The quote must end its sentence: a full stop inside or right after its closing mark, then a new sentence.
        var from = Math.Max(quoteStart, close - 3);
        if (k >= text.Length || !char.IsUpper(text[k]) || text.AsSpan(from, k - from).IndexOfAny(".!?") < 0 || ParagraphsApart(text, close, k) > 0)
        {
            return null;
        }

        var end = SentenceEnd(text, k);
        var words = Words(text.AsSpan()[k..end], k);
        if (words.Count < 2)
        {
            return null;
        }

        var persons = c.People.Where(p => p.Start >= k && p.End <= end).ToList();
        int at;
        if (words[0].Word is "Dat" or "Dit" or "Das" or "That" or "This" && IsReportingVerb(words[1].Word))
        {
            at = 2; // "Dat vindt X", "Das sagt X"
        }
        else if (words[0].Word is "That" or "This" && words.Count > 3 && words[1].Word is "is" or "was" && words[2].Word == "what")
        {
            at = 3; // "That is what X said"
        }
        else if (words[0].Word is "Aldus")
        {
            at = 1;
        }
        else if (words.Take(3).ToList().FindIndex(w => SaidNouns.Contains(w.Word)) is var noun and >= 0 && noun + 1 < words.Count && words[noun + 1].Word is "van" or "of" or "von")
        {
            at = noun + 2; // "Gevleugelde woorden van X"
        }
        else
        {
            return null;
        }

        if (at < words.Count && PersonGender.OfPronoun(words[at].Word, c.Lang) is var gender && gender != Gender.Unknown)
        {
            return Antecedent(c, quoteStart, gender);
        }

        // Titles, articles and a description may stand before the name ("staatssecretaris Tamara van Ark"); a said noun's
        // owner further on ("woorden van de roze Samson & Gert-kapper Albert Vermeersch"). Nothing but a name may end it.
        var reach = words[0].Word is "Dat" or "Dit" or "Das" or "That" or "This" or "Aldus" ? 3 : 6;
        for (var i = at; i < Math.Min(words.Count, at + reach); i++)
        {
            if (persons.FirstOrDefault(p => p.Start == words[i].Start || (p.Start < words[i].Start && words[i].Start < p.End)) is { End: > 0 } person)
            {
                return person;
            }

            if (reach == 3 && char.IsUpper(words[i].Word[0]) && !RoleWords.IsRole(words[i].Word) && !Determiners.Contains(words[i].Word))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The person a definite role phrase refers back to when nobody was introduced with it ("zei de premier" after
    /// "Jacinda Ardern zei tegen het parlement …"): the speaker of the last quote within three sentences, else the person
    /// the sentence before reports. Never a spokesperson, officer or judge (who stand beside the person quoted, unnamed),
    /// nor a person the article gives another role ("wethouder Jansen" is no "de burgemeester"), nor one of another gender.
    /// </summary>
    private static EntityMention? RoleBack(Context c, (int Start, int End, string Text) phrase, int quoteStart, int close, bool reportedToo)
    {
        var words = phrase.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !Definite.Contains(words[0]) || !RoleWords.IsRole(words[^1]) || Beside.Contains(words[^1].ToLowerInvariant()))
        {
            return null;
        }

        var text = c.Text;
        var here = Math.Min(quoteStart, phrase.Start);
        EntityMention? candidate = null;
        var previous = SentenceStartAfterQuotes(text, Math.Max(0, SentenceStart(text, here) - 2));
        if (!reportedToo && c.People.FirstOrDefault(p => p.Start >= previous && p.End < here) is { End: > 0 } opening
            && WordCount(text.AsSpan()[previous..opening.Start]) <= 3)
        {
            // "Landelijk campagneleider Sophie Hermans vindt … Het Tweede Kamerlid voerde …": the sentence before opens with them.
            candidate = opening;
        }
        else if (c.Spoken.Count > 0 && c.Spoken[^1] is var (end, said) && end <= here && SentencesBetween(c, end, here) <= 3
            && !c.People.Any(p => p.Start >= end && p.End <= here && LastWord(text, p) != LastWord(text, said)))
        {
            // The person just quoted, with no one else named since.
            candidate = said;
        }
        else if (reportedToo && Reported(c, quoteStart, close) is { } reporter)
        {
            candidate = reporter;
        }

        if (candidate is not { } person)
        {
            return null;
        }

        var gender = PersonGender.OfWord(words[^1], c.Lang);
        var known = GenderOf(c, person);
        if (gender != Gender.Unknown && known != Gender.Unknown && gender != known)
        {
            return null;
        }

        // Another role given to this person anywhere in the article ("Wethouder Lot van Hooijdonk").
        var name = LastWord(text, person);
        foreach (var mention in c.People.Where(p => text[p.Start..p.End].EndsWith(name, StringComparison.Ordinal)))
        {
            var before = Words(text.AsSpan()[Math.Max(0, mention.Start - 25)..mention.Start], 0);
            if (before.Count > 0 && RoleWords.IsRole(before[^1].Word) && !before[^1].Word.Equals(words[^1], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return person;
    }

    private static string LastWord(string text, EntityMention person) => text[person.Start..person.End].Split(' ')[^1];

    // Roles that stand beside the person quoted, mostly unnamed: a spokesperson, a prosecutor, a judge, a police officer.
    private static readonly HashSet<string> Beside = new(StringComparer.Ordinal)
    {
        "woordvoerder", "woordvoerster", "spokesman", "spokeswoman", "sprecher", "sprecherin", "officier", "rechter", "agent", "advocaat",
        "richter", "richterin", "staatsanwalt", "staatsanwältin", "anwalt", "anwältin", "verteidiger", "detective", "inspector",
    };

    // Sentences of narration: what a quote says in between is the quoted person going on.
    private static int SentencesBetween(Context c, int from, int to)
    {
        var text = c.Text;
        var count = 0;
        for (var i = from; i + 1 < to; i++)
        {
            if (text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1]) && !c.Spans.Any(q => q.Start <= i && i < q.End))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A given name the tagger took alone, with the surname its particles lead to ("Daan" of "Daan van der Vliet"): only
    /// a known given name, and only a capitalised surname the tagger typed as nothing else ("Jan van de Rabobank" stays).
    /// </summary>
    private static EntityMention WithSurname(Context c, EntityMention person)
    {
        var text = c.Text;
        var name = text[person.Start..person.End];
        if (name.Contains(' ', StringComparison.Ordinal) || PersonGender.OfName(name) == Gender.Unknown)
        {
            return person;
        }

        var words = Words(text.AsSpan()[person.End..Math.Min(text.Length, person.End + 40)], person.End);
        var k = 0;
        while (k < words.Count && k < 3 && EntityNames.IsParticle(words[k].Word) && char.IsLower(words[k].Word[0]))
        {
            k++;
        }

        if (k == 0 || k >= words.Count || !char.IsUpper(words[k].Word[0]) || c.Typed.Contains(words[k].Start)
            || NameStage.IsAcronym(words[k].Word.AsSpan()))
        {
            return person;
        }

        foreach (var ch in text.AsSpan(person.End, words[k].Start - person.End))
        {
            if (ch != ' ' && !char.IsLetter(ch))
            {
                return person;
            }
        }

        return person with { End = words[k].Start + words[k].Word.Length };
    }

    /// <summary>The words of a speaker's noun phrase: a determiner and up to three words, ending before a preposition or the limit.</summary>
    private static (int First, int Last)? Phrase(string text, List<(string Word, int Start)> words, int determiner, int limit, string lang)
    {
        // A role noun is the whole phrase: "de president vorige week", "de woordvoerder gisteren".
        if (determiner + 1 < limit && RoleWords.IsRole(words[determiner + 1].Word))
        {
            return (determiner, determiner + 1);
        }

        // At most an adjective and a noun ("een oudere bewoner", "the local spokeswoman"), with nothing but a space
        // between the words: "een meisje - vooral dat" stops at the dash.
        var stop = Text.LanguageStemmer.For(lang);
        var last = -1;
        for (var k = determiner + 1; k < Math.Min(limit, determiner + 3); k++)
        {
            var (w, at) = words[k];
            var gap = text.AsSpan(words[k - 1].Start + words[k - 1].Word.Length, at - words[k - 1].Start - words[k - 1].Word.Length);
            if (Cues.Contains(w) || stop.IsStopword(w.ToLowerInvariant()) || !gap.IsWhiteSpace())
            {
                break;
            }

            last = k;
        }

        return last < 0 ? null : (determiner, last);
    }

    /// <summary>The person last introduced with this role noun before the quote ("Wethouder Lot van Hooijdonk" for "de wethouder").</summary>
    private static EntityMention? Introduced(Context c, string noun, int before)
    {
        foreach (var person in c.People.Where(p => p.End <= before).Reverse())
        {
            var k = person.Start - 1;
            while (k >= 0 && c.Text[k] == ' ')
            {
                k--;
            }

            var wordEnd = k + 1;
            while (k >= 0 && char.IsLetter(c.Text[k]))
            {
                k--;
            }

            var preceding = c.Text[(k + 1)..wordEnd];
            var first = c.Text[person.Start..person.End].Split(' ')[0];
            if (preceding.Equals(noun, StringComparison.OrdinalIgnoreCase) || first.Equals(noun, StringComparison.OrdinalIgnoreCase))
            {
                return person;
            }
        }

        return null;
    }

    /// <summary>
    /// The person a pronoun at a quote refers to: walking back from the quote sentence by sentence (up to four), the
    /// first person of a compatible gender, each sentence's persons in order, so its subject comes first; a sentence
    /// whose subject is already that pronoun passes the search on to the one before.
    /// </summary>
    private static EntityMention? Antecedent(Context c, int quoteStart, Gender gender)
    {
        var text = c.Text;
        var end = quoteStart;
        for (var sentences = 0; sentences < 4 && end > 0; sentences++)
        {
            var start = SentenceStart(text, Math.Max(0, end - 2));
            var persons = c.People.Where(p => p.Start >= start && p.End <= end).ToList();

            // "Dort traf sie Präsident Selenskyj": a pronoun of that gender before the sentence's persons is its
            // subject and refers further back, so the persons after it are not who the quote's pronoun means.
            var firstPerson = persons.Count > 0 ? persons[0].Start : end;
            if (Words(text.AsSpan()[start..firstPerson], start).Any(w => PersonGender.OfPronoun(w.Word, c.Lang) == gender))
            {
                end = start;
                continue;
            }

            foreach (var person in persons)
            {
                var known = GenderOf(c, person);
                if (known == Gender.Unknown || known == gender)
                {
                    return person;
                }
            }

            end = start;
        }

        return null;
    }

    /// <summary>What the article says about a person's gender: the given name of its fullest name, or a title or role word before any of its mentions.</summary>
    private static Gender GenderOf(Context c, EntityMention person)
    {
        var text = c.Text;
        var name = Trimmed(text, FullName(text, person, c.People));
        var byName = PersonGender.OfName(name);
        if (byName != Gender.Unknown)
        {
            return byName;
        }

        var last = name.Split(' ')[^1];
        foreach (var mention in c.People.Where(p => text[p.Start..p.End].EndsWith(last, StringComparison.Ordinal)))
        {
            var words = Words(text.AsSpan()[Math.Max(0, mention.Start - 30)..mention.End], 0);
            foreach (var (word, _) in words)
            {
                var g = PersonGender.OfWord(word, c.Lang);
                if (g != Gender.Unknown)
                {
                    return g;
                }
            }
        }

        return Gender.Unknown;
    }

    /// <summary>A person's name without a role word the tagger glued to its front ("Dijkgraaf Ingrid Peters", "Boer Kees de Boer").</summary>
    private static string Trimmed(string text, EntityMention person)
    {
        var name = text[person.Start..person.End];
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && Entities.RoleWords.IsRole(name[..space]) ? name[(space + 1)..] : name;
    }

    /// <summary>
    /// Where the question of the narration right before a quote ends ("Dus daarom stond u op? '…'": the interview's form,
    /// whose answers carry no cue), or -1 when no question stands there.
    /// </summary>
    private static int QuestionBefore(Context c, int quoteStart)
    {
        var text = c.Text;
        var k = quoteStart - 2;
        while (k >= 0 && char.IsWhiteSpace(text[k]))
        {
            k--;
        }

        return k > 0 && text[k] == '?' && !c.Spans.Any(q => q.Start <= k && k < q.AfterClose) ? k : -1;
    }

    /// <summary>
    /// Who an interview asks, when no answer named them: the person the narration before the quote names most often
    /// (at least twice, counted by surname; "socioloog Leonie van Breeschoten … de vader van Van Breeschoten"), and only
    /// when the question addresses someone ("u", "je", "you", "Sie"). A tie names no one.
    /// </summary>
    private static EntityMention? MostNamed(Context c, int quoteStart, int questionEnd)
    {
        var text = c.Text;
        var question = Words(text.AsSpan()[SentenceStartAfterQuotes(text, questionEnd - 1)..questionEnd], 0);
        if (!question.Any(w => w.Word is "u" or "uw" or "je" or "jij" or "jullie" or "you" or "Sie" or "Ihnen" or "du" or "ihr"))
        {
            return null;
        }

        var counts = c.People.Where(p => p.End <= quoteStart).GroupBy(p => LastWord(text, p)).Select(g => (Last: g.Key, Count: g.Count(), First: g.First()))
            .OrderByDescending(g => g.Count).Take(2).ToList();
        return counts.Count > 0 && counts[0].Count >= 2 && (counts.Count == 1 || counts[1].Count < counts[0].Count) ? counts[0].First : null;
    }

    private static Attribution? Before(Context c, int open)
    {
        var text = c.Text;
        var people = c.People;
        // "Breuker zegt: “…”", "Breuker: “…”", and a partial quote in "Volgens Breuker is het “…”".
        var k = open - 1;
        while (k >= 0 && text[k] == ' ')
        {
            k--;
        }

        var sentenceStart = SentenceStart(text, Math.Max(k, 0));
        // The sentence opens after the space that follows the previous one's full stop.
        while (sentenceStart < k && char.IsWhiteSpace(text[sentenceStart]))
        {
            sentenceStart++;
        }

        var opening = text.AsSpan(sentenceStart, Math.Max(0, k + 1 - sentenceStart));
        if (opening.StartsWith("Volgens ", StringComparison.Ordinal) || opening.StartsWith("According to ", StringComparison.Ordinal) || opening.StartsWith("Laut ", StringComparison.Ordinal))
        {
            var named = people.FirstOrDefault(e => e.Start >= sentenceStart && e.End <= k + 1);
            return named.End > 0 ? new Attribution(named, "volgens") : null;
        }

        if (k < 0 || text[k] != ':')
        {
            return null;
        }

        // "Borren, stellig:", "Thea Hilhorst (hoogleraar …):", "zoals Moorlag over hem opmerkte:" — the person stands at
        // the colon; one named further back ("vertelt mij dat hij … over Erdogan of de regering:") is not the speaker.
        var candidates = people.Where(e => e.Start >= sentenceStart && e.End <= k).ToList();
        if (candidates.Count > 0)
        {
            return AtColon(text, candidates[^1].End, k) ? new Attribution(candidates[^1], ":") : null;
        }

        // "Tibi: '…'": a name alone before the colon is the interview's way of naming who speaks, whatever the tagger
        // made of it (untyped, or missed); not a name typed as a place or an organisation, nor an acronym.
        var alone = c.Names.LastOrDefault(n => n.Start >= sentenceStart && n.End <= k);
        return alone.End > 0 && alone.Start == sentenceStart && text.AsSpan(alone.End, k - alone.End).Trim().IsEmpty
            && !c.Typed.Contains(alone.Start) && !NameStage.IsAcronym(text.AsSpan(alone.Start, alone.End - alone.Start))
            ? new Attribution(new EntityMention(alone.Start, alone.End, EntityType.Person, MentionMethod.Speaker), ":")
            : null;
    }

    /// <summary>
    /// A quote opening inside a sentence whose subject says, thinks or charges it: "Baudet verwijt GroenLinks dat die
    /// '…'", "Erik Gerritsen van het ministerie reageert dat het '…'", "Hij noemde het '…'", and "volgens X" anywhere
    /// before it ("Ook zou volgens Wiersma de opbouw … '…'"). The subject is a pronoun up to the word after the verb
    /// (resolved like a pronoun at a cue), else the person at the verb, else the first person before it.
    /// </summary>
    private static Attribution? InSentence(Context c, int open, int close)
    {
        var text = c.Text;
        var k = open - 1;
        while (k >= 0 && char.IsWhiteSpace(text[k]))
        {
            k--;
        }

        // A quote that opens a sentence, or follows a colon, has no sentence of its own before it: Before and Reported read those.
        if (k < 0 || text[k] is '.' or '!' or '?' or ':' or '\n')
        {
            return null;
        }

        // "noemt de vrouw die zaterdag '…' riep": a verb of saying right after the quote says it is another clause's
        // (and one after a comma is the quote's own cue, which named no one).
        if (HasCueAfter(text, close))
        {
            return null;
        }

        // A quoted name or title ("diens 'Untergang des Abendlandes'") is nobody's speech.
        if (WordCount(text.AsSpan()[(open + 1)..Math.Max(open + 1, close - 1)]) < 4)
        {
            return null;
        }

        var sentenceStart = SentenceStartAfterQuotes(text, k);
        var words = Words(text.AsSpan()[sentenceStart..(k + 1)], sentenceStart);
        var persons = c.People.Where(p => p.Start >= sentenceStart && p.End <= k + 1).ToList();
        if (According(c, words, sentenceStart, k + 1) is { } named)
        {
            return new Attribution(named, "volgens");
        }

        // "liet" and "laat" say something only with "weten" ("liet weten"); alone they let or leave.
        var verb = words.FindIndex(w => (IsReportingVerb(w.Word) || ChargingVerbs.Contains(w.Word))
            && !(w.Word is "liet" or "laat" && !text.AsSpan(w.Start, Math.Min(40, text.Length - w.Start)).Contains(" weten", StringComparison.Ordinal)));
        if (verb < 0)
        {
            return null;
        }

        // Dutch and German put the subject right after the verb when something else opens the sentence ("Tegenover
        // RTV Utrecht zei hij …").
        var before = words.Take(verb + 2).ToList();
        foreach (var w in before)
        {
            var gender = PersonGender.OfPronoun(w.Word, c.Lang);
            if (gender != Gender.Unknown && !persons.Any(p => p.Start < w.Start))
            {
                return Antecedent(c, sentenceStart, gender) is { } referent ? new Attribution(referent, "reported") : null;
            }
        }

        // The person right at the verb: before it ("…, Anna Price said"), or right after it ("… met premier Netanyahu
        // zei Trump dat '…'": Dutch and German invert); otherwise the first person before it.
        // English never inverts there, so for it the person before the verb comes first.
        var verbEnd = words[verb].Start + words[verb].Word.Length;
        var adjacent = persons.LastOrDefault(p => p.End <= words[verb].Start && WordCount(text.AsSpan()[p.End..words[verb].Start]) == 0);
        var inverted = persons.FirstOrDefault(p => p.Start >= verbEnd && WordCount(text.AsSpan()[verbEnd..p.Start]) == 0);
        foreach (var atVerb in c.Lang == "en" ? [adjacent, inverted] : new[] { inverted, adjacent })
        {
            if (atVerb.End > 0)
            {
                return new Attribution(atVerb, "reported");
            }
        }

        if (persons.Count > 0)
        {
            return persons.FirstOrDefault(p => p.End <= words[verb].Start) is { End: > 0 } subject ? new Attribution(subject, "reported") : null;
        }

        // With no person in the sentence, a capitalised name the tagger left untyped, right at the verb, is one, as at a
        // cue after a quote ("sagte Tuchel, die Mannschaft habe „…“"); an acronym is an organisation ("De VIG ziet
        // '…'"), and a name a quote mark closes is addressed, not speaking ('"Bartleby," said I, "…"').
        var untyped = c.Names.Where(n => n.Start >= sentenceStart && n.End <= k + 1 && !c.Typed.Contains(n.Start) && !NameStage.IsAcronym(text.AsSpan(n.Start, n.End - n.Start))).ToList();
        var namedBefore = untyped.LastOrDefault(n => n.End <= words[verb].Start && WordCount(text.AsSpan()[n.End..words[verb].Start]) == 0
            && text.AsSpan(n.End, words[verb].Start - n.End).IndexOfAny("\"'“”‘’„«»") < 0);
        var namedAfter = c.Lang == "en" ? default : untyped.FirstOrDefault(n => n.Start >= verbEnd && WordCount(text.AsSpan()[verbEnd..n.Start]) == 0);
        var name = namedAfter.End > 0 ? namedAfter : namedBefore;
        return name.End > 0 ? new Attribution(new EntityMention(name.Start, name.End, EntityType.Person, MentionMethod.Speaker), "reported") : null;
    }

    /// <summary>A verb that reports what someone says or thinks ("zegt", "schreef", "vindt", "said", "meint").</summary>
    private static bool IsReportingVerb(string word) => Cues.Contains(word) || SayingVerbs.Contains(word) || OpinionVerbs.Contains(word);

    /// <summary>A verb of saying among the first three words after the quote: its own cue.</summary>
    private static bool HasCueAfter(string text, int close)
        => Words(text.AsSpan()[close..Math.Min(text.Length, close + 40)], close).Take(3).Any(w => Cues.Contains(w.Word) || SayingVerbs.Contains(w.Word))
            && !text.AsSpan(close, Math.Min(text.Length, close + 40) - close).TrimStart().StartsWith(".", StringComparison.Ordinal);

    // Verbs of charging or conceding someone with words: "verwijt", "beschuldigt", "accuses", "wirft … vor".
    private static readonly HashSet<string> ChargingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "verwijt", "verweet", "verwijten", "beschuldigt", "beschuldigde", "accuses", "accused", "wirft", "warf", "beschuldigte",
    };

    private static readonly HashSet<string> SayingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "opmerkte", "merkte", "twittert", "twitterde", "tweette", "tweets", "tweeted", "antwoordt", "antwoordde", "schreef", "schrijft", "zegt", "zei",
        "stelt", "stelde", "vindt", "vond", "concludeert", "reageert", "reageerde", "said", "says", "wrote", "writes", "added", "sagte", "sagt", "schrieb",
        "verklaart", "verklaarde", "vertelt", "vertelde", "waarschuwt", "waarschuwde", "liet", "laat", "told", "tells", "erklärte",
        // A demand is said: "Hij eist de macht op omdat hij '…'".
        "eist", "eiste", "demands", "demanded", "fordert", "forderte",
    };

    private static bool AtColon(string text, int personEnd, int colon)
    {
        var between = System.Text.RegularExpressions.Regex.Replace(text[personEnd..colon], @"\([^)]*\)", " ").Trim();
        if (between.Length == 0 || between[0] == ',')
        {
            return true;
        }

        var words = between.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 4 && words.Any(SayingVerbs.Contains);
    }

    /// <summary>
    /// A quote with no cue of its own right after a sentence that reports what a person says or thinks ("Waterdicht
    /// is het niet, zegt hoogleraar Pieter Huisman. '…'", "Anders dan zijn partners vindt Jetten dat … '…'") is that
    /// person's: the one nearest the verb. Not when a pronoun opens the sentence before any person ("Hij vond
    /// Nijpels geknipt …"): then the person named is not the one speaking.
    /// </summary>
    private static EntityMention? Reported(Context c, int quoteStart, int close)
    {
        var text = c.Text;
        var open = quoteStart - 1;
        var k = open - 1;
        while (k >= 0 && char.IsWhiteSpace(text[k]))
        {
            k--;
        }

        if (k < 0 || text[k] is not ('.' or '!' or '?' or ':'))
        {
            return null;
        }

        var sentenceStart = SentenceStartAfterQuotes(text, Math.Max(0, k - 1));
        var words = Words(text.AsSpan()[sentenceStart..k], sentenceStart);
        var verb = ReportingVerb(text, words);
        // A quote with a cue of its own that named no one (", zegt ze" with no woman before it) is no one's by position.
        if (verb < 0 && HasCueAfter(text, close))
        {
            return null;
        }

        // "…, zoals opiniemakers volgens Wiegel deden, heeft geen zin. '…'": the sentence before says whose view it gives.
        if ((verb < 0 || words[verb].Word is "according" or "According") && According(c, words, sentenceStart, k) is { } according)
        {
            return according;
        }

        // After a colon the sentence itself introduces the quote: without a verb of saying it is a text, not speech
        // ("een T-shirt waarop stond: '…'").
        if (verb < 0 && text[k] != ':' && WordCount(text.AsSpan()[quoteStart..Math.Max(quoteStart, close - 1)]) >= 4 && Introduced(c, sentenceStart, k, words) is { } introduced)
        {
            return introduced;
        }

        // "…, zegt Hamming. Ook in zijn gemeente wordt flink gebouwd. '…'": a sentence of narration with no person and
        // no quote between the speaker's and the quote passes the search on to the sentence before.
        if (verb < 0 && sentenceStart > 1 && !c.People.Any(p => p.Start >= sentenceStart && p.End <= k)
            && !HasQuoteMark(text.AsSpan(sentenceStart, k - sentenceStart)))
        {
            var end = sentenceStart - 1;
            while (end > 0 && char.IsWhiteSpace(text[end]))
            {
                end--;
            }

            if (text[end] is '.' or '!' or '?')
            {
                sentenceStart = SentenceStartAfterQuotes(text, Math.Max(0, end - 1));
                k = end;
                words = Words(text.AsSpan()[sentenceStart..k], sentenceStart);
                verb = ReportingVerb(text, words);
            }
        }

        if (verb < 0)
        {
            return null;
        }

        // ", weet Uilenberg.", ", weet ze.": a verb that only hands over is a cue when its subject, right after it, ends
        // the sentence ("…, weet ze niet." is knowing; "…, oordeelde het gerechtshof" has no person at the verb).
        if (!IsReportingVerb(words[verb].Word))
        {
            return HandedOverBy(c, words, verb, sentenceStart, k);
        }

        // "In Buitenhof zegt hij er dit over": a pronoun at the verb is its subject, resolved like a pronoun at a cue.
        foreach (var w in words.Skip(Math.Max(0, verb - 1)).Take(3))
        {
            var gender = PersonGender.OfPronoun(w.Word, c.Lang);
            if (gender != Gender.Unknown)
            {
                return Antecedent(c, sentenceStart, gender);
            }
        }

        var persons = c.People.Where(p => p.Start >= sentenceStart && p.End <= k).ToList();
        if (persons.Count == 0 || words.TakeWhile(w => w.Start < persons[0].Start).Any(w => PersonGender.OfPronoun(w.Word, c.Lang) != Gender.Unknown))
        {
            return null;
        }

        // The person right at the verb ("zegt Woonink", "vindt Jetten"), otherwise the sentence's subject, its first
        // person: in "Sylvia Borren, die jaren met Nijpels onderhandelde, zegt:" Nijpels is nearer but not speaking.
        var at = words[verb];
        var adjacent = persons.FirstOrDefault(p => WordCount(text.AsSpan()[Math.Min(p.End, at.Start)..Math.Max(p.Start, at.Start)]) <= 1
            || WordCount(text.AsSpan()[Math.Min(at.Start + at.Word.Length, p.Start)..Math.Max(at.Start + at.Word.Length, p.Start)]) == 0);
        return adjacent.End > 0 ? adjacent : persons[0];
    }

    /// <summary>The subject right after a handing-over verb, when it ends the sentence (a separable verb's particle aside: "vult Zeegers aan").</summary>
    private static EntityMention? HandedOverBy(Context c, List<(string Word, int Start)> words, int verb, int sentenceStart, int end)
    {
        var text = c.Text;
        var after = words[verb].Start + words[verb].Word.Length;
        var next = verb + 1 < words.Count ? words[verb + 1] : default;
        if (next.Word is null)
        {
            return null;
        }

        var gender = PersonGender.OfPronoun(next.Word, c.Lang);
        if (gender != Gender.Unknown)
        {
            return verb + 2 == words.Count ? Antecedent(c, sentenceStart, gender) : null;
        }

        var person = c.People.FirstOrDefault(p => p.Start >= after && p.End <= end);
        // A title or a short description may stand between ("weet beheerder Rik Smit", "grapte CDA-senator Ben Knapen").
        return person.End > 0 && WordCount(text.AsSpan()[after..person.Start]) <= 2 && !text.AsSpan(after, person.Start - after).ContainsAny(",;:()")
            && Words(text.AsSpan()[person.End..end], 0) is { Count: 0 } or [{ Word: "aan" or "toe" or "op" }] ? person : null;
    }

    /// <summary>
    /// The first verb of the sentence that reports what someone says or thinks; a verb that only hands over counts
    /// where it stands as a cue after a comma ("Die geluiden gaan al langer, weet Uilenberg.").
    /// </summary>
    private static int ReportingVerb(string text, List<(string Word, int Start)> words)
        => words.FindIndex(w => IsReportingVerb(w.Word) || (AfterCues.Contains(w.Word) && PrecededByComma(text, w.Start)));

    private static bool PrecededByComma(string text, int at)
    {
        var k = at - 1;
        while (k >= 0 && text[k] == ' ')
        {
            k--;
        }

        return k >= 0 && text[k] == ',';
    }

    // A quote mark, not an apostrophe of elision: between letters ("collega's", "auto's") or "'s" and "'t" as words.
    private static bool HasQuoteMark(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] is '"' or '“' or '”' or '„' or '‘' or '«' or '»')
            {
                return true;
            }

            if (span[i] is '\'' or '’')
            {
                var between = i > 0 && char.IsLetter(span[i - 1]) && i + 1 < span.Length && char.IsLetter(span[i + 1]);
                var shortWord = i + 1 < span.Length && span[i + 1] is 's' or 't' && (i + 2 == span.Length || !char.IsLetter(span[i + 2]));
                if (!between && !shortWord)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"volgens X", "according to X", "laut X" in the sentence: X, when it follows within two words.</summary>
    private static EntityMention? According(Context c, List<(string Word, int Start)> words, int from, int to)
    {
        var at = words.FindIndex(w => w.Word is "volgens" or "Volgens" or "according" or "According" or "laut" or "Laut");
        if (at < 0)
        {
            return null;
        }

        // "… is volgens hem al bewijs genoeg. '…'": the pronoun's person, found as for a pronoun at a cue.
        var pronoun = words[at].Word is "according" or "According" ? at + 2 : at + 1;
        var gender = pronoun < words.Count ? ObjectPronoun(words[pronoun].Word, c.Lang) : Gender.Unknown;
        if (gender != Gender.Unknown)
        {
            return Antecedent(c, from, gender);
        }

        var after = words[at].Start + words[at].Word.Length;
        return c.People.FirstOrDefault(p => p.Start >= after && p.End <= to && p.Start >= from) is { End: > 0 } named
            && WordCount(c.Text.AsSpan()[after..named.Start]) <= 2 ? named : null;
    }

    // The pronoun after "volgens", "according to", "laut": "hem", "him", "ihm" and their feminine forms.
    private static Gender ObjectPronoun(string word, string lang) => (lang, word.ToLowerInvariant()) switch
    {
        ("nl", "hem") or ("en", "him") or ("de", "ihm") => Gender.Male,
        ("nl", "haar") or ("en", "her") or ("de", "ihr") => Gender.Female,
        _ => Gender.Unknown,
    };

    /// <summary>
    /// The newspaper's way of handing over to a speaker: a sentence that opens with the person, then the quote with
    /// no cue ("Pim Lammertink leidt dit opleidingscentrum vanaf augustus. '…'", "Hij gaf zijn laatste minuten
    /// spreektijd aan D66. '…'"). Only a person among the sentence's first four words, with no person before it, or a
    /// subject pronoun among its first three, resolved like a pronoun at a cue.
    /// </summary>
    private static EntityMention? Introduced(Context c, int sentenceStart, int end, List<(string Word, int Start)> words)
    {
        var first = c.People.FirstOrDefault(p => p.Start >= sentenceStart && p.End <= end);
        for (var i = 0; i < Math.Min(3, words.Count); i++)
        {
            // "ze", "zij" and "sie" are also plural ("sie" also "her"): a subject only as the sentence's first word.
            var gender = PersonGender.OfPronoun(words[i].Word, c.Lang);
            if (gender != Gender.Unknown && (i == 0 || gender == Gender.Male) && !(first.End > 0 && first.Start < words[i].Start))
            {
                return Antecedent(c, sentenceStart, gender);
            }
        }

        if (first.End > 0)
        {
            return words.Count(w => w.Start < first.Start) <= 3 ? first : null;
        }

        // "De Maastrichtse hoogleraar zou graag zien dat …": a definite role phrase opening the sentence is the person
        // the article has just been quoting (never the sentence before: that reports nothing here).
        // A paragraph heading flattened onto the sentence ("Voorlichting De Maastrichtse hoogleraar …") stands before it.
        var d = words.Count > 1 && char.IsUpper(words[1].Word[0]) && Definite.Contains(words[1].Word) ? 1 : 0;
        for (var i = d + 1; i < Math.Min(d + 3, words.Count); i++)
        {
            if (Definite.Contains(words[d].Word) && RoleWords.IsRole(words[i].Word))
            {
                var to = words[i].Start + words[i].Word.Length;
                return RoleBack(c, (words[d].Start, to, c.Text[words[d].Start..to]), words[d].Start, end, reportedToo: false);
            }
        }

        return null;
    }

    private static readonly HashSet<string> OpinionVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "denkt", "dacht", "vindt", "vond", "meent", "meende", "noemt", "noemde", "wijst", "wees", "betoogt", "betoogde", "verwacht", "verwachtte",
        "thinks", "believes", "argues", "argued", "denkt", "glaubt", "meint", "findet", "fand", "ziet", "zag", "sees", "sieht", "sah",
        "hoopt", "hoopte", "vreest", "vreesde", "hopes", "fears", "hofft", "fürchtet",
    };

    /// <summary>"Breuker" → the "Remco Breuker" mentioned elsewhere in the article, when there is exactly one such name.</summary>
    private static EntityMention FullName(string text, EntityMention speaker, List<EntityMention> people)
    {
        var name = text[speaker.Start..speaker.End];
        if (name.Contains(' ', StringComparison.Ordinal) && !Surname(name))
        {
            return speaker;
        }

        var fuller = people.Where(e => text[e.Start..e.End] is var f && f.Length > name.Length && f.EndsWith(" " + name, StringComparison.OrdinalIgnoreCase))
            .Select(e => text[e.Start..e.End]).Distinct(StringComparer.Ordinal).ToList();
        return fuller.Count == 1 ? people.First(e => text[e.Start..e.End] == fuller[0]) : speaker;
    }

    /// <summary>
    /// The speaker's fullest name, or none for a possessive of a person the article names ("Bijlevelds voorganger …
    /// schreef", "zei hij over Begums besluit"): the quote is the owned one's, who is not named there. Only what is said
    /// can be owned by its speaker: "Ook Mays verwijt dat '…'" is Theresa May's.
    /// </summary>
    private static EntityMention? SpeakerName(string text, EntityMention speaker, List<EntityMention> people)
    {
        var full = FullName(text, speaker, people);
        var name = text[speaker.Start..speaker.End];
        if (full != speaker || Owner(name) is not { } owner)
        {
            return full;
        }

        var owners = people.Where(e => text[e.Start..e.End] is var f && (f == owner || f.EndsWith(" " + owner, StringComparison.Ordinal))).ToList();
        if (owners.Count == 0)
        {
            return full;
        }

        if (!SaidNouns.Contains(NextWord(text, speaker.End)))
        {
            return null;
        }

        // The one fuller name ("Theresa May"), else the name as the article writes it; two fuller names leave it unsure.
        var longer = owners.Select(e => text[e.Start..e.End]).Where(n => n != owner).Distinct(StringComparer.Ordinal).ToList();
        var chosen = longer.Count == 1 ? longer[0] : longer.Count == 0 ? owner : null;
        return chosen is null ? full : owners.First(e => text[e.Start..e.End] == chosen);
    }

    // The name a possessive is made from: Dutch "Mays", English "May's"; null for a name that is no possessive.
    private static string? Owner(string name)
        => name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal) ? name[..^2]
            : name.Length > 3 && name[^1] == 's' && !name.Contains(' ', StringComparison.Ordinal) ? name[..^1] : null;

    private static string NextWord(string text, int from)
    {
        var k = from;
        while (k < text.Length && !char.IsLetter(text[k]))
        {
            k++;
        }

        var end = k;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[k..end];
    }

    // What is said, which its speaker owns: "Mays verwijt dat …", "May's warning that …".
    private static readonly HashSet<string> SaidNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "verwijt", "uitspraak", "uitspraken", "woorden", "belofte", "oproep", "boodschap", "verklaring", "kritiek", "reactie", "antwoord", "stelling",
        "bewering", "tweet", "waarschuwing", "words", "statement", "promise", "call", "message", "remark", "remarks", "claim", "reply", "warning",
        "worte", "aussage", "warnung", "erklärung", "kritik", "antwort",
    };

    // "De Boer", "Van Dijk", "Von der Leyen": a surname with its particle, short for the full name.
    private static bool Surname(string name)
        => name.Split(' ') is [var first, _, ..] && char.IsUpper(first[0]) && EntityNames.IsParticle(first);

    /// <summary>
    /// True when a quote picks up where the previous one's sentence ended: the next sentence, or the next paragraph,
    /// with no narration in between (texts whose paragraphs were flattened have no other sign of a new turn).
    /// </summary>
    private static bool Continues(string text, int previousEnd, int start)
    {
        // A quote that ends its sentence and is followed by a new one ("…ongelukken van." Ook Riaz Alidjan is
        // ontevreden.) ended there; one followed by its attribution (", zegt X.") ends with that.
        var k = previousEnd + 1;
        while (k < start && char.IsWhiteSpace(text[k]))
        {
            k++;
        }

        var from = previousEnd > 0 && text[previousEnd - 1] is '.' or '!' or '?' && k < start && char.IsUpper(text[k]) ? previousEnd : SentenceEnd(text, previousEnd);
        if (from >= start)
        {
            return true;
        }

        foreach (var ch in text.AsSpan(from + 1, Math.Max(0, start - from - 2)))
        {
            if (char.IsLetterOrDigit(ch))
            {
                return false;
            }
        }

        return ParagraphsApart(text, previousEnd, start) <= 1;
    }

    private static int ParagraphsApart(string text, int from, int to)
    {
        var count = 0;
        for (var i = from; i + 1 < to; i++)
        {
            if (text[i] == '\n' && text[i + 1] == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static int SentenceEnd(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>As <see cref="SentenceStart"/>, also after a sentence that ends inside its closing quote mark ("… hoek." PVV-leider …).</summary>
    private static int SentenceStartAfterQuotes(string text, int from)
    {
        var start = SentenceStart(text, from);
        for (var i = from; i > start + 1; i--)
        {
            if (char.IsWhiteSpace(text[i]) && text[i - 1] is '"' or '\'' or '”' or '’' or '“' && text[i - 2] is '.' or '!' or '?')
            {
                return i + 1;
            }
        }

        return start;
    }

    private static int SentenceStart(string text, int from)
    {
        for (var i = from; i > 0; i--)
        {
            if (text[i - 1] == '\n' || (text[i - 1] is '.' or '!' or '?' && char.IsWhiteSpace(text[i])))
            {
                return i;
            }
        }

        return 0;
    }

    private static List<(string Word, int Start)> Words(ReadOnlySpan<char> window, int offset)
    {
        var words = new List<(string, int)>();
        var i = 0;
        while (NextWord(window, ref i) is var (start, length) && length > 0)
        {
            // The process's one string per form: the words around quotes are a few hundred forms read again and again.
            words.Add((Text.WordPool.Of(window.Slice(start, length)), offset + start));
        }

        return words;
    }

    /// <summary>How many words <see cref="Words"/> would find, without making them.</summary>
    private static int WordCount(ReadOnlySpan<char> window)
    {
        var count = 0;
        var i = 0;
        while (NextWord(window, ref i).Length > 0)
        {
            count++;
        }

        return count;
    }

    /// <summary>The next word at or after <paramref name="i"/> (letters, and hyphens or apostrophes inside), moving past it; length 0 at the end.</summary>
    private static (int Start, int Length) NextWord(ReadOnlySpan<char> window, ref int i)
    {
        while (i < window.Length && !char.IsLetter(window[i]))
        {
            i++;
        }

        var start = i;
        while (i < window.Length && (char.IsLetter(window[i]) || window[i] is '-' or '\''))
        {
            i++;
        }

        return (start, i - start);
    }
}
