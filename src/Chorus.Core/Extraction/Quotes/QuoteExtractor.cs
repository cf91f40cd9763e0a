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
/// quote, unless another person is named in between.</item>
/// </list>
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
        };
        var result = new List<QuoteMention>();
        QuoteMention? previous = null;
        foreach (var (start, end, close) in spans)
        {
            var attribution = After(context, start, close) ?? Before(text, start - 1, people) ?? InSentence(context, start - 1, close);
            var speaker = attribution?.Speaker;
            var cue = attribution?.Cue;
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

            if (speaker is null && attribution is null && cue is null && Reported(context, start, close) is { } reporter)
            {
                (speaker, cue) = (reporter, "reported");
            }

            QuoteMention mention;
            if (attribution is { Description: { } description })
            {
                mention = new QuoteMention(start, end, description.Text, description.Start, description.End, cue, Anonymous: true);
            }
            else if (speaker is { } sp)
            {
                mention = SpeakerName(text, sp, people) is { } full
                    ? new QuoteMention(start, end, Trimmed(text, full), sp.Start, sp.End, cue)
                    : new QuoteMention(start, end, null, -1, -1, cue);
            }
            else
            {
                mention = new QuoteMention(start, end, null, -1, -1, cue);
            }

            result.Add(mention);
            previous = mention;
        }

        return result;
    }

    private sealed record Context(string Text, List<EntityMention> People, List<NameMention> Names, string Lang)
    {
        public IReadOnlySet<int> Typed { get; init; } = new HashSet<int>();
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
        var words = Words(text[afterClose..sentenceEnd], afterClose);
        // The cue belongs to the quote when it comes within the first three words after it: ", zegt X", ", X said",
        // ", the spokeswoman said"; further on, a new sentence has begun ("Twee weken later voegde…").
        var cueIndex = words.FindIndex(wd => Cues.Contains(wd.Word));
        if (cueIndex < 0 || cueIndex > 2)
        {
            return null;
        }

        var cue = words[cueIndex].Word;
        var between = c.People.Where(e => e.Start >= afterClose && e.End <= sentenceEnd).OrderBy(e => e.Start).ToList();
        if (between.Count > 0)
        {
            return new Attribution(between[0], cue);
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

            var from = words[phraseStart].Start;
            var to = words[phrase.Last].Start + noun.Length;
            return new Attribution(null, cue, (from, to, text[from..to]));
        }

        // A capitalised name at the verb of saying is a person, whatever the tagger made of it: ", sagte Tuchel".
        var named = c.Names.FirstOrDefault(n =>
            (cueIndex + 1 < words.Count && n.Start == words[cueIndex + 1].Start) || (subjectFirst && n.Start == words[0].Start && n.End <= words[cueIndex].Start));
        return named.End > 0 ? new Attribution(new EntityMention(named.Start, named.End, EntityType.Person, MentionMethod.Speaker), cue) : null;
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
            if (Words(text[start..firstPerson], start).Any(w => PersonGender.OfPronoun(w.Word, c.Lang) == gender))
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
            var words = Words(text[Math.Max(0, mention.Start - 30)..mention.End], 0);
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

    private static Attribution? Before(string text, int open, List<EntityMention> people)
    {
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
        return candidates.Count > 0 && AtColon(text, candidates[^1].End, k) ? new Attribution(candidates[^1], ":") : null;
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
        if (Words(text[(open + 1)..Math.Max(open + 1, close - 1)], 0).Count < 4)
        {
            return null;
        }

        var sentenceStart = SentenceStartAfterQuotes(text, k);
        var words = Words(text[sentenceStart..(k + 1)], sentenceStart);
        var persons = c.People.Where(p => p.Start >= sentenceStart && p.End <= k + 1).ToList();
        var according = words.FindIndex(w => w.Word is "volgens" or "Volgens" or "according" or "laut" or "Laut");
        if (according >= 0 && persons.FirstOrDefault(p => p.Start > words[according].Start) is { End: > 0 } named
            && Words(text[(words[according].Start + words[according].Word.Length)..named.Start], 0).Count <= 2)
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
        var adjacent = persons.LastOrDefault(p => p.End <= words[verb].Start && Words(text[p.End..words[verb].Start], 0).Count == 0);
        var inverted = persons.FirstOrDefault(p => p.Start >= verbEnd && Words(text[verbEnd..p.Start], 0).Count == 0);
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
        var namedBefore = untyped.LastOrDefault(n => n.End <= words[verb].Start && Words(text[n.End..words[verb].Start], 0).Count == 0
            && text.AsSpan(n.End, words[verb].Start - n.End).IndexOfAny("\"'“”‘’„«»") < 0);
        var namedAfter = c.Lang == "en" ? default : untyped.FirstOrDefault(n => n.Start >= verbEnd && Words(text[verbEnd..n.Start], 0).Count == 0);
        var name = namedAfter.End > 0 ? namedAfter : namedBefore;
        return name.End > 0 ? new Attribution(new EntityMention(name.Start, name.End, EntityType.Person, MentionMethod.Speaker), "reported") : null;
    }

    /// <summary>A verb that reports what someone says or thinks ("zegt", "schreef", "vindt", "said", "meint").</summary>
    private static bool IsReportingVerb(string word) => Cues.Contains(word) || SayingVerbs.Contains(word) || OpinionVerbs.Contains(word);

    /// <summary>A verb of saying among the first three words after the quote: its own cue.</summary>
    private static bool HasCueAfter(string text, int close)
        => Words(text[close..Math.Min(text.Length, close + 40)], close).Take(3).Any(w => Cues.Contains(w.Word) || SayingVerbs.Contains(w.Word))
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
        var words = Words(text[sentenceStart..k], sentenceStart);
        var verb = words.FindIndex(w => IsReportingVerb(w.Word));
        // A quote with a cue of its own that named no one (", zegt ze" with no woman before it) is no one's by position.
        if (verb < 0 && HasCueAfter(text, close))
        {
            return null;
        }

        // After a colon the sentence itself introduces the quote: without a verb of saying it is a text, not speech
        // ("een T-shirt waarop stond: '…'").
        if (verb < 0 && text[k] != ':' && Words(text[quoteStart..Math.Max(quoteStart, close - 1)], 0).Count >= 4 && Introduced(c, sentenceStart, k, words) is { } introduced)
        {
            return introduced;
        }

        // "…, zegt Hamming. Ook in zijn gemeente wordt flink gebouwd. '…'": a sentence of narration with no person and
        // no quote between the speaker's and the quote passes the search on to the sentence before.
        if (verb < 0 && sentenceStart > 1 && !c.People.Any(p => p.Start >= sentenceStart && p.End <= k)
            && text.AsSpan(sentenceStart, k - sentenceStart).IndexOfAny("\"'“”‘’„") < 0)
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
                words = Words(text[sentenceStart..k], sentenceStart);
                verb = words.FindIndex(w => IsReportingVerb(w.Word));
            }
        }

        if (verb < 0)
        {
            return null;
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
        var adjacent = persons.FirstOrDefault(p => Words(text[Math.Min(p.End, at.Start)..Math.Max(p.Start, at.Start)], 0).Count <= 1
            || Words(text[Math.Min(at.Start + at.Word.Length, p.Start)..Math.Max(at.Start + at.Word.Length, p.Start)], 0).Count == 0);
        return adjacent.End > 0 ? adjacent : persons[0];
    }

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

        return first.End > 0 && words.Count(w => w.Start < first.Start) <= 3 ? first : null;
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

    private static List<(string Word, int Start)> Words(string window, int offset)
    {
        var words = new List<(string, int)>();
        var i = 0;
        while (i < window.Length)
        {
            while (i < window.Length && !char.IsLetter(window[i]))
            {
                i++;
            }

            var s = i;
            while (i < window.Length && (char.IsLetter(window[i]) || window[i] is '-' or '\''))
            {
                i++;
            }

            if (i > s)
            {
                words.Add((window[s..i], offset + s));
            }
        }

        return words;
    }
}
