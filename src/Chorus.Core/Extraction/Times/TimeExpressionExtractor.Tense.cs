using System.Globalization;
using Chorus.Core.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Extraction.Times;

/// <summary>The tense of a sentence, which decides bare weekdays and months.</summary>
public sealed partial class TimeExpressionExtractor
{
    private sealed partial class Scan
    {
        /// <summary>The tense of the sentence around token <paramref name="i"/>: −1 past, +1 future, 0 present or unknown.</summary>
        public int Tense(int i) => TenseAt(i, ownClause: false);

        /// <summary>
        /// The tense a month named without its year is read in: that of its own clause where the clause has a verb form
        /// of its own, else the sentence's (see <see cref="KeepPresentClauses"/>). Not for weekdays: news writes a past
        /// Tuesday in the present of reporting ("Een woordvoerder zegt dinsdag …", "de politieactie van maandag").
        /// </summary>
        public int MonthTense(int i) => TenseAt(i, ownClause: true);

        /// <summary>
        /// The tense a weekday named without a direction is read in: the sentence's, except that a weekday after "van"
        /// names the day of something already reported ("de gebeurtenissen van zaterdag", "de politieactie van maandag")
        /// unless the sentence speaks of what is to come, and one beside a verb of saying in the present is the day of
        /// saying ("Een woordvoerder zegt dinsdag …", "zo meldt Het Parool donderdag").
        /// </summary>
        public int WeekdayTense(int i)
        {
            var tense = Tense(i);
            if (tense > 0)
            {
                return tense;
            }

            if (i > 0 && w[i - 1] is "van" or "vom" && !OpensASpan(i))
            {
                return -1;
            }

            for (var k = Math.Max(0, i - 3); k <= Math.Min(N - 1, i + 2); k++)
            {
                if (k != i && lex.ReportingPresent.Contains(w[k]) && !PunctuationBetween(Math.Min(i, k), Math.Max(i, k)))
                {
                    return InfinitiveAfter(i) ? tense : -1;
                }
            }

            return tense;
        }

        // "van maandag 20.00 uur tot dinsdag", "de nacht van zaterdag op zondag": "van" opens a span (its other end right
        // after the weekday or its clock time), it names no day of something.
        private bool OpensASpan(int i)
        {
            var k = i + 1;
            while (k < N && (tokens[k].Kind == TokenKind.Number || w[k] is "uur" or "u" or "uhr" or "."))
            {
                k++;
            }

            return k < N && w[k] is "tot" or "op" or "t/m" or "-" or "–" or "bis" or "auf" or "zum";
        }

        // "leraren zegt vrijdag zeker naar het Malieveld te gaan": what is said is a plan, the weekday its day.
        private bool InfinitiveAfter(int i)
        {
            for (var k = i + 1; k < N && char.IsLetterOrDigit(w[k][0]); k++)
            {
                if (w[k] is "te" or "zu")
                {
                    return true;
                }
            }

            return false;
        }

        private bool PunctuationBetween(int from, int to)
        {
            for (var k = from + 1; k < to; k++)
            {
                if (!char.IsLetterOrDigit(w[k][0]))
                {
                    return true;
                }
            }

            return false;
        }

        private int TenseAt(int i, bool ownClause)
        {
            // "tot 1 juni", "vanaf maart", "per 1 juli": a boundary, whose tense is that of a state ("is gesloten", "gaat in"),
            // not of an event.
            if (i > 0 && w[i - 1] is "tot" or "vanaf" or "per" or "until" or "bis" or "ab" or "t/m")
            {
                return 0;
            }

            // "sinds maandag", "since Monday", "seit Montag": what has lasted since a day began before now, whatever the
            // tense ("De politie zoekt sinds maandag").
            if (i > 0 && (w[i - 1] is "sinds" or "since" or "seit" || (i > 1 && w[i - 2] is "sinds" or "since" or "seit" && w[i - 1] is "dem" or "the" or "de")))
            {
                return -1;
            }

            // "The minister said on Tuesday", "De minister zei dinsdag", "Dienstag sagte": a time beside a verb of saying
            // dates the saying.
            if ((i > 0 && lex.ReportingPast.Contains(w[i - 1])) || (i + 1 < N && lex.ReportingPast.Contains(w[i + 1]))
                || (i + 2 < N && lex.ReportingPast.Contains(w[i + 2]) && char.IsLetterOrDigit(w[i + 1][0])))
            {
                return -1;
            }

            _tense ??= ComputeTense();
            var tenses = ownClause ? _clauseTense ??= ClauseTenses(_tense) : _tense;
            var tense = i < tenses.Length ? tenses[i] : 0;

            // "beloofde voor half april het rapport openbaar te maken", "promised to publish it in April": a month in what a
            // verb of intending governs was still to come when it was said; its direction from now is unknown.
            return ownClause && tense < 0 && Intended(i) ? 0 : tense;
        }

        /// <summary>
        /// Whether token <paramref name="i"/> lies in an infinitive governed by a verb of intending before it in the sentence:
        /// Dutch and German put the infinitive with "te" or "zu" after the time, in the same clause; English puts "to" and
        /// its verb between the verb of intending and the time.
        /// </summary>
        private bool Intended(int i)
        {
            var verb = -1;
            for (var k = i - 1; k >= 0 && !IsSentenceEnd(w[k]); k--)
            {
                if (lex.IntentionVerbs.Contains(w[k]))
                {
                    verb = k;
                    break;
                }
            }

            if (verb < 0)
            {
                return false;
            }

            if (lex.Lang == "en")
            {
                for (var k = verb + 1; k < i - 1; k++)
                {
                    if (w[k] == "to" && char.IsLetter(w[k + 1][0]) && !PunctuationBetween(k, i))
                    {
                        return true;
                    }
                }

                return false;
            }

            for (var k = i + 1; k < N && char.IsLetterOrDigit(w[k][0]) && !OpensAClause(k); k++)
            {
                if ((w[k] is "te" or "zu" && k + 1 < N && char.IsLetter(w[k + 1][0])) || (lex.Lang == "de" && IsGermanZuInfinitive(w[k])))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSentenceEnd(string word) => word is "." or "!" or "?" or ";";

        // "vorzulegen", "anzukündigen": a separable German verb takes "zu" between its particle and its stem.
        private static bool IsGermanZuInfinitive(string word)
        {
            foreach (var particle in GermanSeparableParticles)
            {
                if (word.Length > particle.Length + 4 && word.StartsWith(particle, StringComparison.Ordinal)
                    && word.AsSpan(particle.Length).StartsWith("zu", StringComparison.Ordinal) && word.EndsWith('n'))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly string[] GermanSeparableParticles =
            ["ab", "an", "auf", "aus", "bei", "ein", "fest", "her", "hin", "los", "mit", "nach", "vor", "weg", "zurück", "zusammen", "vorbei", "weiter", "wieder"];

        /// <summary>
        /// The sentence tenses with the clauses of past sentences that keep their own (<see cref="KeepPresentClauses"/>);
        /// worked out only for a text with a month named without its year.
        /// </summary>
        private sbyte[] ClauseTenses(sbyte[] sentences)
        {
            var clauses = (sbyte[])sentences.Clone();
            foreach (var (start, end) in _pastSentences ?? [])
            {
                KeepPresentClauses(clauses, start, end);
            }

            return clauses;
        }

        private sbyte[] ComputeTense()
        {
            var result = new sbyte[N];
            var start = 0;
            for (var k = 0; k <= N; k++)
            {
                // "Nov. 3", "Sept. 12": the dot of an abbreviated month before its day ends no sentence.
                if (k < N && (w[k] is not ("." or "!" or "?" or ";")
                    || (w[k] == "." && k > 0 && k + 1 < N && tokens[k].Start == tokens[k - 1].End && tokens[k + 1].Kind == TokenKind.Number && lex.Months.ContainsKey(w[k - 1]))))
                {
                    continue;
                }

                var tense = 0;
                var perfectAux = false;
                var participle = false;
                var reporting = false;
                var expecting = false;
                for (var j = start; j < k; j++)
                {
                    var word = w[j];
                    expecting |= lex.ExpectVerbs.Contains(word);
                    // "is planned for November", "staat voor november gepland", "ist für Juli angesetzt": a schedule is
                    // what will happen (a participle after a present "be", not a past).
                    if (Scheduled(j))
                    {
                        tense = tense == 0 ? 1 : tense;
                        continue;
                    }

                    // A verb of saying gives the tense of the report, not of what is reported: it is weighed after the rest.
                    if (lex.ReportingPast.Contains(word))
                    {
                        reporting = true;
                        continue;
                    }

                    // English: "will be held", "is due to be signed", "is set to meet": a passive infinitive or an
                    // announced plan, whatever form the verb has.
                    if (lex.Lang == "en" && (PlannedOrPassive(j) || (j > start && w[j - 1] is "be" or "being")))
                    {
                        tense = tense == 0 && PlannedOrPassive(j) ? 1 : tense;
                        continue;
                    }

                    if (IsPastForm(j))
                    {
                        tense = -1;
                        break;
                    }

                    if (lex.FutureWords.Contains(word))
                    {
                        tense = 1;
                    }

                    // English needs no auxiliary: its simple past ends in "-ed" like its participle ("announced").
                    perfectAux |= lex.PerfectAuxiliaries.Contains(word) || lex.Lang == "en";
                    participle = participle || (IsPerfectParticiple(j) && !StativeWithBe(j, start, k)) || IsStrongPrefixedParticiple(j) || DutchStrongParticiple(j, start);
                }

                if (tense == 0 && perfectAux && participle)
                {
                    tense = -1;
                }

                // "ING verwacht in het derde kwartaal herstel", "The firm expects a profit in the fourth quarter".
                if (tense == 0 && expecting)
                {
                    tense = 1;
                }

                for (var j = start; j < k; j++)
                {
                    result[j] = (sbyte)tense;
                }

                // Nothing else says when: the clauses with a verb of saying are past ("…, zei hij", "the city said"),
                // the reported clause keeps no tense ("De brug gaat in september open, zei een woordvoerder").
                if (tense == 0 && reporting)
                {
                    MarkReportingClauses(result, start, k);
                }

                if (k < N)
                {
                    result[k] = (sbyte)tense;
                }

                if (tense < 0)
                {
                    (_pastSentences ??= []).Add((start, k));
                }

                start = k + 1;
            }

            return result;
        }

        private bool Scheduled(int j)
        {
            // Asked of every word of every sentence: the language's lists are picked once per text.
            _schedule ??= lex.Lang switch
            {
                "en" => (EnglishSchedule, EnglishPresentBe, 3),
                "nl" => (DutchSchedule, DutchPresentBe, 6),
                "de" => (GermanSchedule, GermanPresentBe, 6),
                _ => (null, null, 0),
            };
            var (words, be, window) = _schedule.Value;
            if (words is null || be is null || !words.Contains(w[j]))
            {
                return false;
            }

            for (var m = j - 1; m >= Math.Max(0, j - window); m--)
            {
                if (w[m] is "." or "," or ";")
                {
                    return false;
                }

                // "heeft 'Glimlachen' gepland op 9 juni": what has been planned is still to come ("heeft voorzien" is no plan).
                if (be.Contains(w[m]) || (lex.Lang == "nl" && w[m] is "heeft" or "hebben" && w[j] is not "voorzien"))
                {
                    return true;
                }
            }

            return false;
        }

        private (HashSet<string>? Words, HashSet<string>? Be, int Window)? _schedule;

        private static readonly HashSet<string> EnglishSchedule = new(StringComparer.Ordinal) { "planned", "scheduled", "slated", "due" };
        private static readonly HashSet<string> EnglishPresentBe = new(StringComparer.Ordinal) { "is", "are", "'s", "be", "remains", "remain" };
        private static readonly HashSet<string> DutchSchedule = new(StringComparer.Ordinal) { "gepland", "ingepland", "voorzien", "geagendeerd" };
        private static readonly HashSet<string> DutchPresentBe = new(StringComparer.Ordinal) { "is", "zijn", "staat", "staan", "wordt", "worden" };
        private static readonly HashSet<string> GermanSchedule = new(StringComparer.Ordinal) { "geplant", "angesetzt", "vorgesehen", "terminiert", "anberaumt" };
        private static readonly HashSet<string> GermanPresentBe = new(StringComparer.Ordinal) { "ist", "sind", "wird", "werden" };

        /// <summary>Sets the clauses (between commas, colons and quotes) of [start, end) that hold a verb of saying in the past to −1.</summary>
        private void MarkReportingClauses(sbyte[] result, int start, int end)
        {
            // A parenthesis belongs to the clause around it: "Zaterdag (Boeken, 30 maart) schreef Boudry".
            var clause = start;
            var depth = 0;
            for (var j = start; j <= end; j++)
            {
                depth += j < end ? w[j] switch { "(" => 1, ")" => depth > 0 ? -1 : 0, _ => 0 } : 0;
                if (j < end && (depth > 0 || w[j] is not ("," or ":" or "\"" or "“" or "”" or "„" or "'" or "‘" or "’")))
                {
                    continue;
                }

                var reports = false;
                for (var m = clause; m < j && !reports; m++)
                {
                    reports = lex.ReportingPast.Contains(w[m]);
                }

                for (var m = clause; reports && m < j; m++)
                {
                    result[m] = -1;
                }

                clause = j + 1;
            }
        }

        /// <summary>
        /// Whether a subordinator or relative word opens a clause here; "die" after a preposition is a demonstrative before
        /// its noun ("tot die tijd", "op die dag"), which opens none: "omdat de Statenleden pas in mei … kiezen en de
        /// coalitie tot die tijd een meerderheid heeft" is one clause, with its present.
        /// </summary>
        private bool OpensAClause(int j)
            => lex.ClauseOpeners.Contains(w[j]) && !(lex.Lang == "nl" && w[j] == "die" && j > 0 && DutchPrepositions.Contains(w[j - 1]));

        private bool IsPastForm(int j)
        {
            var word = w[j];
            return lex.PastWords.Contains(word) || WeakPast(j) || (PrefixedPast(word) && !CountedNoun(j)) || GermanWeakPast(j);
        }

        /// <summary>
        /// A Dutch word after an article, a number or at the start of a sentence, where no finite verb stands: "drie
        /// verdachten", "de verdachten", "Verdachten …" are suspects, not "ver" + the past "dachten".
        /// </summary>
        private bool CountedNoun(int j)
            => lex.Lang == "nl" && (j == 0 || w[j - 1] is "." or "!" or "?" or ":" or ";" or "de" or "een" or "geen" or "deze" or "alle" or "beide" or "vele" or "enkele"
                || tokens[j - 1].Kind == TokenKind.Number || lex.NumberWords.ContainsKey(w[j - 1]));

        /// <summary>
        /// A Dutch weak verb in the simple past, by an ending no adjective shares ("stortte", "meldde", "werkte",
        /// "reageerde"), unless an article or a possessive stands before it: then it is a participle used as an adjective
        /// or a plural noun ("haar veelbekritiseerde deal", "de supermarkten", "hun bedden").
        /// </summary>
        private bool WeakPast(int j)
        {
            var word = w[j];
            return lex.Lang == "nl" && word.Length > 5
                && (word.EndsWith("tte", StringComparison.Ordinal) || word.EndsWith("dde", StringComparison.Ordinal) || word.EndsWith("tten", StringComparison.Ordinal)
                    || word.EndsWith("dden", StringComparison.Ordinal) || word.EndsWith("kte", StringComparison.Ordinal) || word.EndsWith("kten", StringComparison.Ordinal)
                    || word.EndsWith("eerde", StringComparison.Ordinal) || word.EndsWith("eerden", StringComparison.Ordinal))
                && !(j > 0 && DutchDeterminers.Contains(w[j - 1]));
        }

        // Words before a noun or an adjective, not before a finite verb with these endings ("het" and "die" are also
        // pronouns: "het regende", "die werkte"; a finite verb follows no other, so "zijn" and "haar" stay possessives).
        private static readonly HashSet<string> DutchDeterminers = new(StringComparer.Ordinal)
        {
            "de", "een", "geen", "deze", "elke", "iedere", "mijn", "jouw", "uw", "onze", "ons", "hun", "haar", "zijn", "alle", "beide", "vele", "enkele",
        };

        /// <summary>
        /// The clauses of a past sentence that hold a present or future verb and no past form of their own keep their own
        /// tense, so a month in them is the coming one: "De bonden denken dat ze in mei meer mensen op de been krijgen,
        /// omdat vorige week duidelijk werd …", "Eén daarvan is al bekend: de Britten moeten meedoen aan de verkiezingen
        /// in mei". A clause ends at a comma, colon, semicolon, dash or parenthesis, or where a conjunction opens the next.
        /// A clause without a verb form the lexicon knows ("Op 14 juli, in het holst van de nacht, kreeg …") keeps the
        /// sentence's past.
        /// </summary>
        private void KeepPresentClauses(sbyte[] result, int start, int end)
        {
            var clause = start;
            // The tense the clause before kept, where it kept its own; a list of dates after a comma goes on with it.
            sbyte? before = null;
            for (var j = start; j <= end; j++)
            {
                var punctuation = j < end && w[j] is "," or ";" or ":" or "(" or ")" or "–" or "—";
                if (j < end && !punctuation && !(j > clause && OpensAClause(j)))
                {
                    continue;
                }

                var tense = ClauseTense(clause, j) ?? (clause > start && w[clause - 1] == "," && IsDateList(clause, j) ? before : null);
                if (tense is { } kept)
                {
                    for (var m = clause; m < j; m++)
                    {
                        result[m] = kept;
                    }
                }

                before = tense;
                clause = punctuation ? j + 1 : j;
            }
        }

        /// <summary>
        /// Whether the clause is nothing but days and months, their numbers and "en"/"of"/"tot": the rest of a list the
        /// clause before began ("heeft de voorstelling gepland op 9 juni, 14 augustus en 9 november").
        /// </summary>
        private bool IsDateList(int from, int to)
        {
            var month = false;
            for (var k = from; k < to; k++)
            {
                if (lex.Months.ContainsKey(w[k]))
                {
                    month = true;
                }
                else if (tokens[k].Kind != TokenKind.Number && w[k] is not ("en" or "of" or "tot" or "and" or "or" or "und" or "oder" or "bis"))
                {
                    return false;
                }
            }

            return month;
        }

        /// <summary>
        /// +1 for a clause with a future verb, 0 for one with a present form; null when it has a past form or neither. A
        /// future auxiliary or "naar verwachting" makes a perfect future too: "zal in mei zijn afgerond", "is naar
        /// verwachting in mei afgerond" ("zouden … hebben gedaan" reports an alleged past, so it does not).
        /// </summary>
        private sbyte? ClauseTense(int from, int to)
        {
            bool present = false, future = false, perfectAux = false, participle = false, aheadOfPerfect = false;
            for (var j = from; j < to; j++)
            {
                var word = w[j];
                if (lex.ReportingPast.Contains(word) || IsPastForm(j))
                {
                    return null;
                }

                if (Scheduled(j) || lex.FutureWords.Contains(word) || (lex.Lang == "en" && PlannedOrPassive(j)))
                {
                    future = true;
                    aheadOfPerfect |= lex.FutureWords.Contains(word) && word is not "zouden";
                    continue;
                }

                aheadOfPerfect |= lex.Lang == "nl" && word == "verwachting" && j > from && w[j - 1] == "naar";

                // English: "will be held" is no past, though its verb ends in "-ed".
                if (lex.Lang == "en" && j > from && w[j - 1] is "be" or "being")
                {
                    continue;
                }

                present |= lex.PresentForms.Contains(word) || lex.ExpectVerbs.Contains(word) || IsSeparablePresent(j);
                perfectAux |= lex.PerfectAuxiliaries.Contains(word) || lex.Lang == "en";
                participle = participle || (IsPerfectParticiple(j) && !StativeWithBe(j, from, to)) || IsStrongPrefixedParticiple(j) || DutchStrongParticiple(j, from);
            }

            present |= EndsInPluralPresent(from, to);
            return aheadOfPerfect ? 1 : perfectAux && participle ? null : future ? 1 : present ? 0 : null;
        }

        /// <summary>
        /// A Dutch subordinate clause puts its finite verb last, and a plural present is spelt as its infinitive, which no
        /// list can tell from one: "dat ze in mei meer leden op de been krijgen". A clause a subordinator opens and a word
        /// in "-en" ends (no participle) is taken to have it.
        /// </summary>
        private bool EndsInPluralPresent(int from, int to)
        {
            var last = to - 1;
            return lex.Lang == "nl" && last > from && w[from] is not ("toen" or "maar" or "want") && lex.ClauseOpeners.Contains(w[from])
                && w[last].Length >= 4 && w[last].EndsWith("en", StringComparison.Ordinal) && tokens[last].Kind == TokenKind.Word
                && char.IsLower(text[tokens[last].Start]) && !IsParticiple(w[last]);
        }

        /// <summary>
        /// A Dutch separable verb in a subordinate clause is written as one word, its particle before its present form:
        /// "die meedoet", "dat in mei plaatsvindt", "of de zaak doorgaat". No list of present forms holds them all; a
        /// particle and a listed third-person form ending in "-t" of four letters or more is one ("doet", "vindt", "gaat";
        /// not "zet", which with a particle is a noun as often: "omzet", "inzet").
        /// </summary>
        private bool IsSeparablePresent(int j)
        {
            var word = w[j];
            if (lex.Lang != "nl" || word.Length < 6 || word[^1] != 't' || tokens[j].Kind != TokenKind.Word || !char.IsLower(text[tokens[j].Start]))
            {
                return false;
            }

            foreach (var particle in DutchSeparableParticles)
            {
                if (word.Length - particle.Length >= 4 && word.StartsWith(particle, StringComparison.Ordinal)
                    && lex.PresentForms.Contains(word[particle.Length..]))
                {
                    return true;
                }
            }

            return false;
        }

        // The particles of Dutch separable verbs (after the ANS, "scheidbaar samengestelde werkwoorden"), with the nouns and
        // adverbs news writes as one ("plaatsvinden", "deelnemen", "bekendmaken").
        private static readonly string[] DutchSeparableParticles =
        [
            "aan", "af", "bij", "binnen", "door", "in", "mee", "na", "neer", "om", "op", "over", "terug", "toe", "uit", "voor", "weg",
            "vast", "samen", "tegen", "langs", "voorbij", "open", "dicht", "los", "vrij", "thuis", "terecht", "plaats", "deel", "bekend",
            "stil", "achter", "rond", "mis", "tewerk", "teweeg",
        ];

        // "is set to", "are expected to", "due to be": English ways to announce what will happen.
        private bool PlannedOrPassive(int j) => j + 1 < N && w[j + 1] == "to" && w[j] is "set" or "due" or "expected" or "scheduled" or "planned" or "slated" or "poised";

        /// <summary>
        /// A German weak verb in the simple past: "passierte", "meldete", "rückte (aus)", "durchsuchte": the word less
        /// "-te(n)" or "-ete(n)", plus "-en" or "-n", is a word of the dictionary, it is written in lower case (a noun would
        /// not be), no article, determiner or contraction stands before it (then it is an adjective: "der verletzte
        /// Fahrer", "die beste Lösung", "am besten") and it does not start with "ge" (a participle: "geplante"); or
        /// "sich" follows it ("ereignete sich").
        /// </summary>
        private bool GermanWeakPast(int j)
        {
            var word = w[j];
            if (lex.Lang != "de" || word.Length < 5 || word.StartsWith("ge", StringComparison.Ordinal) || !char.IsLower(text[tokens[j].Start])
                || (j > 0 && GermanDeterminers.Contains(w[j - 1])))
            {
                return false;
            }

            var stem = word.EndsWith("ten", StringComparison.Ordinal) ? word[..^3] : word.EndsWith("te", StringComparison.Ordinal) ? word[..^2] : null;
            if (stem is null || stem.Length < 3)
            {
                return false;
            }

            // "ereignete sich", "befanden sich": a reflexive pronoun after it makes it a finite verb; the dictionary lists
            // such verbs with "sich" only.
            if (j + 1 < N && w[j + 1] == "sich")
            {
                return true;
            }

            return IsGermanVerbStem(stem) || (stem.EndsWith('e') && stem.Length > 3 && stem[^2] is 'd' or 't' or 'n' or 'm' && IsGermanVerbStem(stem[..^1]));
        }

        // A stem whose infinitive ("-en", or "-n" after -e, -el, -er) the dictionary holds.
        private static bool IsGermanVerbStem(string s)
        {
            var lexicon = Text.ConceptLexicon.Default;
            return lexicon.HoldsWord("de", s + "en")
                || ((s.EndsWith('e') || s.EndsWith("el", StringComparison.Ordinal) || s.EndsWith("er", StringComparison.Ordinal)) && lexicon.HoldsWord("de", s + "n"));
        }

        private static readonly HashSet<string> GermanDeterminers = new(StringComparer.Ordinal)
        {
            "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "eines", "kein", "keine", "keinen", "keinem", "keiner",
            "dieser", "diese", "dieses", "diesem", "diesen", "jeder", "jede", "jedes", "jedem", "jeden", "sein", "seine", "seinen", "seinem", "seiner",
            "ihr", "ihre", "ihren", "ihrem", "ihrer", "unser", "unsere", "unseren", "alle", "beide", "viele", "mehrere", "zwei", "drei", "vier",
            "am", "im", "zum", "zur", "vom", "beim", "aufs", "ins",
        };

        // A simple past with a prefix before a listed past form: inseparable ("bezocht", "verkocht", "ontving" — be,
        // ver, ont + zocht, kocht, ving; "bekam", "entkam") or a separable particle written together in a subordinate
        // clause ("toen hij aankwam", "als er uitbrak"). The rest must be a listed past form, and not one that nouns
        // end in ("afwas" is not af + was, "oplage" no past at all).
        private bool PrefixedPast(string word)
        {
            var prefixes = lex.Lang switch
            {
                "nl" => DutchPastPrefixes,
                "de" => GermanPastPrefixes,
                _ => null,
            };
            if (prefixes is null || word.Length < 5)
            {
                return false;
            }

            var lookup = lex.PastWords;
            foreach (var prefix in prefixes)
            {
                if (word.Length - prefix.Length >= 3 && word.StartsWith(prefix, StringComparison.Ordinal) && word[prefix.Length..] is var rest
                    && lookup.Contains(rest) && !(lex.Lang == "nl" && rest is "was" or "lag"))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly string[] DutchPastPrefixes =
            ["be", "ver", "ont", "her", "aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "toe", "terug", "uit", "vast", "voor", "weg", "tegen", "neer"];

        private static readonly string[] GermanPastPrefixes =
            ["be", "ver", "ent", "er", "zer", "über", "unter", "an", "ab", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "zurück", "weg"];

        // A past participle: "gehouden", "gearresteerd", "announced", and with a separable particle or an unstressed prefix
        // instead of "ge": "ontspoord", "opgepakt", "verklaard", "abgesagt"; Dutch "gaan", "doen", "staan", "slaan" make theirs
        // in "-aan" ("is in vlammen opgegaan", "heeft aangifte gedaan").
        // German weak participles take any inseparable prefix instead of "ge" ("zerstört", "entwurzelt", "erlaubt", "empört"),
        // and verbs in "-ieren" take none ("explodiert", "evakuiert").
        private bool IsParticiple(string word) => lex.Lang switch
        {
            "en" => word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal),
            _ => word.Length > 5 && ((word[^1] is 'd' or 't' && (word.StartsWith("ge", StringComparison.Ordinal) || HasPrefix(word, ParticiplePrefixes) || DutchInseparableParticiple(word)
                    || (lex.Lang == "de" && (HasPrefix(word, GermanInseparablePrefixes) || word.EndsWith("iert", StringComparison.Ordinal))))
                    && !(lex.Lang == "de" && GermanAdjectivesLikeParticiples.Contains(word)))
                || ((word.EndsWith("en", StringComparison.Ordinal) || (lex.Lang == "nl" && word.EndsWith("aan", StringComparison.Ordinal)))
                    && (word.StartsWith("ge", StringComparison.Ordinal) || HasPrefix(word, SeparableGe)) && !word.EndsWith("ingen", StringComparison.Ordinal))),
        };

        /// <summary>
        /// A Dutch participle before its noun, after an article or a possessive and at most one adverb of degree or time:
        /// "de nieuw gekozen Statenleden", "een gesloten akkoord". An adjective, which with "heeft" or "is" elsewhere in the
        /// clause made a perfect of it. The word after must be no function word ("de wet gewijzigd en …"); "zijn", "haar",
        /// "hun" and "ons" do not count, being also a verb or a pronoun ("Ze zijn vertrokken richting …", "heeft haar gebeld").
        /// </summary>
        private bool AttributiveParticiple(int j)
        {
            if (lex.Lang != "nl" || j == 0 || j + 1 >= N || tokens[j + 1].Kind != TokenKind.Word || OpensAClause(j + 1)
                || LanguageStemmer.For("nl").IsStopword(w[j + 1]))
            {
                return false;
            }

            return IsArticle(w[j - 1]) || (j > 1 && IsArticle(w[j - 2]) && AdverbsBeforeParticiples.Contains(w[j - 1]));

            static bool IsArticle(string word) => DutchDeterminers.Contains(word) && word is not ("zijn" or "haar" or "hun" or "ons");
        }

        /// <summary>
        /// A participle that can make a perfect: not one used as an adjective before its noun, and in Dutch not a word the
        /// treebanks only ever tag as a finite present ("bestaat", "betekent", "bevat", "ontvangt": "be-" or "ont-" and a
        /// final "-t" made them look like participles beside an "is" elsewhere in the sentence).
        /// </summary>
        private bool IsPerfectParticiple(int j)
            => IsParticiple(w[j]) && !AttributiveParticiple(j) && !(lex.Lang == "nl" && lex.PresentForms.Contains(w[j]));

        /// <summary>
        /// A Dutch adjective spelt like a participle, with "zijn" and no form of "hebben" in its clause: a state, no perfect
        /// ("of de rechter bevoegd is", "is wat haar betreft uitgesloten", "is gevestigd in"). With "hebben" it is one
        /// ("heeft bekend": has confessed; "heeft uitgesloten": has ruled out).
        /// </summary>
        private bool StativeWithBe(int j, int from, int to)
        {
            if (lex.Lang != "nl" || !DutchStativeParticiples.Contains(w[j]))
            {
                return false;
            }

            for (var k = from; k < to && k < N; k++)
            {
                if (w[k] is "heeft" or "hebben" or "hebt" or "heb" or "had" or "hadden")
                {
                    return false;
                }
            }

            return true;
        }

        // Dutch adjectives that look like participles (some are ones, used for a state with "zijn").
        private static readonly HashSet<string> DutchStativeParticiples = new(StringComparer.Ordinal)
        {
            "bekend", "bevoegd", "gewend", "geschikt", "gelegen", "betrokken", "verplicht", "bereid", "benieuwd", "bezorgd", "geliefd",
            "beroemd", "berucht", "bevriend", "verwant", "verliefd", "verslaafd", "gehecht", "gevestigd", "gebaseerd", "bedoeld",
            "bestemd", "gericht", "toegestaan", "verboden", "uitgesloten", "gekant", "gesteld", "gebonden", "verantwoord", "gezegend",
        };

        // Adverbs of degree and time that stand between an article and a participle used as an adjective.
        private static readonly HashSet<string> AdverbsBeforeParticiples = new(StringComparer.Ordinal)
        {
            "nieuw", "pas", "net", "recent", "onlangs", "eerder", "vers", "zojuist", "veel", "zwaar", "hoog", "goed", "slecht", "ver",
            "vroeg", "laat", "hard", "dicht", "speciaal", "eerst", "tijdelijk", "officieel", "breed", "vaak", "lang",
        };

        private static readonly string[] GermanInseparablePrefixes = ["ent", "er", "zer", "emp", "miss"];

        /// <summary>
        /// A German strong participle with an inseparable prefix, which ends in "-en" like its infinitive ("entkommen",
        /// "verschwunden", "ertrunken"): read as one only beside a perfect auxiliary and written small (a capitalised
        /// word is a noun, "die Verletzten"); not a word in "-ingen"/"-ungen", nor an infinitive after "zu". Not Dutch: there a
        /// noun is written small too, and on DPG 2019 "twee verkoopdagen" and "moet verwachten" read as participles made
        /// a coming sale and a coming hearing past.
        /// </summary>
        private bool IsStrongPrefixedParticiple(int j)
        {
            var word = w[j];
            if (lex.Lang != "de" || word.Length < 8 || !word.EndsWith("en", StringComparison.Ordinal)
                || word.EndsWith("ingen", StringComparison.Ordinal) || word.EndsWith("ungen", StringComparison.Ordinal)
                || char.IsUpper(text[tokens[j].Start]) || (j > 0 && w[j - 1] == "zu"))
            {
                // "sind bereit, die Pläne zu besprechen": an infinitive with its "zu".
                return false;
            }

            return HasPrefix(word, GermanStrongPrefixes);
        }

        private static readonly string[] GermanStrongPrefixes = ["ent", "er", "zer", "ver", "be", "emp", "miss"];

        /// <summary>
        /// A Dutch strong participle with an unstressed prefix, spelt like its infinitive ("verlaten", "bevonden",
        /// "ontvangen"): read as one only last in its clause, after a perfect auxiliary of that clause, with no modal or
        /// "te" that would make it the infinitive ("moet de stad verlaten"), and not after an article, a possessive, a
        /// preposition, a number or an adjective, where it is a plural noun ("geld voor bedrijven", "zijn bezoeken").
        /// </summary>
        private bool DutchStrongParticiple(int j, int start)
        {
            var word = w[j];
            if (lex.Lang != "nl" || word.Length < 7 || !word.EndsWith("en", StringComparison.Ordinal) || word.EndsWith("ingen", StringComparison.Ordinal)
                || !(word.StartsWith("ver", StringComparison.Ordinal) || word.StartsWith("be", StringComparison.Ordinal) || word.StartsWith("ont", StringComparison.Ordinal))
                || char.IsUpper(text[tokens[j].Start]) || (j + 1 < N && char.IsLetterOrDigit(w[j + 1][0]) && !lex.ClauseOpeners.Contains(w[j + 1])))
            {
                return false;
            }

            if (j > start && (DutchDeterminers.Contains(w[j - 1]) || DutchPrepositions.Contains(w[j - 1]) || tokens[j - 1].Kind == TokenKind.Number
                || lex.NumberWords.ContainsKey(w[j - 1]) || (w[j - 1].Length > 3 && w[j - 1][^1] == 'e' && char.IsLower(text[tokens[j - 1].Start]))))
            {
                return false;
            }

            var auxiliary = false;
            for (var k = j - 1; k >= start && w[k] is not ("," or ";" or ":"); k--)
            {
                if (w[k] == "te" || DutchModals.Contains(w[k]))
                {
                    return false;
                }

                auxiliary |= lex.PerfectAuxiliaries.Contains(w[k]);
            }

            return auxiliary;
        }

        private static readonly HashSet<string> DutchModals = new(StringComparer.Ordinal)
        {
            "kan", "kunnen", "kon", "konden", "moet", "moeten", "moest", "moesten", "wil", "willen", "wilde", "wilden", "mag", "mogen", "mocht", "mochten",
            "zal", "zullen", "zou", "zouden", "gaat", "gaan", "ging", "gingen", "laat", "laten", "liet", "lieten", "hoeft", "hoeven", "blijft", "blijven",
        };

        private static readonly HashSet<string> DutchPrepositions = new(StringComparer.Ordinal)
        {
            "voor", "van", "met", "door", "over", "aan", "op", "in", "bij", "naar", "uit", "tegen", "zonder", "om", "tot", "na", "onder", "tussen",
        };

        // Adjectives that look like a participle after "be-" or "ver-" but are none: "sind bereit", "ist bekannt".
        private static readonly HashSet<string> GermanAdjectivesLikeParticiples = new(StringComparer.Ordinal) { "bereit", "bekannt", "bewusst", "verwandt" };

        // A separable particle before "ge": "opgepakt", "aangehouden", "festgenommen", "ausgebrochen"; also the adverbs and
        // adjectives that join a verb as its particle ("buitgemaakt", "vrijgelaten", "stilgelegd", "freigelassen",
        // "bekanntgegeben", "kaputtgemacht").
        private static readonly string[] SeparableGe =
            ["opge", "aange", "afge", "uitge", "inge", "meege", "terugge", "doorge", "omge", "vastge", "toege", "wegge", "neerge", "voorge", "binnenge",
             "buitge", "vrijge", "stilge", "bekendge", "schoonge", "platge", "lamge", "kapotge", "dichtge", "losge", "samenge", "achterge", "bijge",
             "rondge", "thuisge", "kwijtge", "klaarge", "tegenge", "openge", "onderge", "buitenge", "vooruitge", "langsge", "weerge",
             "abge", "ange", "aufge", "ausge", "einge", "zuge", "festge", "mitge", "nachge", "vorge", "zurückge", "umge", "hinge", "herge", "niederge",
             "freige", "stillge", "bekanntge", "kaputtge", "zusammenge", "weiterge", "heimge", "fortge", "vorbeige", "dazuge", "herausge", "hinausge"];

        // Weak participles also take an unstressed prefix instead of "ge": "ontspoord", "verklaard", "herhaald", "bezocht".
        private static readonly string[] ParticiplePrefixes = [.. SeparableGe, "ont", "ver", "her", "be"];

        // Dutch particles that also make inseparable verbs, whose participles take no "ge": "overstroomd", "omsingeld",
        // "ondersteund", "achterhaald", "misleid", "voltooid", "weerlegd".
        private static readonly string[] DutchInseparableParticles = ["over", "onder", "door", "achter", "om", "mis", "vol", "weer"];

        /// <summary>
        /// A weak participle of a Dutch inseparable verb: one of those particles, then the verb's stem and "-d", where the
        /// dictionary holds the verb ("overstroomd" ← "overstromen", "overleefd" ← "overleven"). The dictionary decides,
        /// since nouns end so too ("overheid", "achterstand", "ondergrond"). Only "-d": with "-t" the word is as often the
        /// present ("overstroomt").
        /// </summary>
        private bool DutchInseparableParticiple(string word)
        {
            if (lex.Lang != "nl" || word[^1] != 'd' || word.Length < 8 || word[^2] == 'd' || !HasPrefix(word, DutchInseparableParticles))
            {
                return false;
            }

            var stem = word[..^1];
            var lexicon = Text.ConceptLexicon.Default;
            if (lexicon.HoldsWord("nl", stem + "en"))
            {
                return true;
            }

            // The infinitive writes a long vowel once in its open syllable ("stroom" → "stromen") and a final f or s as v
            // or z ("leef" → "leven", "reis" → "reizen").
            var open = stem.Length > 3 && stem[^2] == stem[^3] && stem[^2] is 'a' or 'e' or 'o' or 'u' ? stem.Remove(stem.Length - 2, 1) : stem;
            var voiced = open[^1] switch { 'f' => open[..^1] + "v", 's' => open[..^1] + "z", _ => open };
            return lexicon.HoldsWord("nl", open + "en") || lexicon.HoldsWord("nl", voiced + "en");
        }

        private static bool HasPrefix(string word, string[] prefixes)
        {
            foreach (var p in prefixes)
            {
                if (word.StartsWith(p, StringComparison.Ordinal) && word.Length > p.Length + 3)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
