using Chorus.Core.Time;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Chorus.Storage.Search;

/// <summary>
/// Reads a user's search query (Lucene's classic syntax: words, "phrases", AND/OR/NOT, prefix*, fuzzy~) into a
/// query, or says what is wrong with it. Work is bounded before anything is searched: a query longer than
/// <see cref="MaxLength"/> characters or with more than <see cref="MaxTerms"/> terms is refused, and regular
/// expressions (<c>/…/</c>), whose automata can take minutes to build, are not accepted at all.
/// </summary>
public static class SearchQueryParser
{
    public const int MaxLength = 1000;
    public const int MaxTerms = 64;
    public const int MaxWildcards = 4;
    public const int MaxPatternWordLength = 64;

    // Validation only needs the syntax and the term count, which do not depend on the language's stemmer.
    private static readonly Analyzer Validator = new Lucene.Net.Analysis.Standard.StandardAnalyzer(LuceneVersion.LUCENE_48);

    /// <summary>What is wrong with a query, fit to show its user (CLI, API problem, page); null when it can be searched.</summary>
    public static string? Problem(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Problems.TryGetValue(query, out var known))
        {
            return known;
        }

        var problem = Parse(query, "text", Validator, LuceneVersion.LUCENE_48).Error;
        if (Problems.Count >= ProblemsKept)
        {
            Problems.Clear();
        }

        if (query.Length <= MaxLength)
        {
            Problems[query] = problem;
        }

        return problem;
    }

    // The answers for recent queries: the API asks before every search, and parsing the query only to check it was a
    // tenth of a search request's time. The answer depends on the text alone. Queries over the length limit (refused
    // before parsing) are not kept, so the memory held stays small.
    private const int ProblemsKept = 1024;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> Problems = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="query"/> for one field; the error, when there is one, is fit to show a user.</summary>
    public static ParseResult<Query> Parse(string query, string field, Analyzer analyzer, LuceneVersion version)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query))
        {
            return ParseResult<Query>.Fail("the query is empty");
        }

        if (query.Length > MaxLength)
        {
            return ParseResult<Query>.Fail($"the query is {query.Length:N0} characters long; at most {MaxLength:N0} are searched");
        }

        // Lucene builds a regular expression's automaton while parsing it, so it is refused before the parser runs.
        var (regex, wildcards) = Scan(query);
        if (regex)
        {
            return ParseResult<Query>.Fail(RegexProblem);
        }

        // So is a wildcard term's: "a*b*c*…" takes minutes to determinise (found by ./chorus fuzz query).
        if (wildcards > MaxWildcards)
        {
            return ParseResult<Query>.Fail($"the query has {wildcards} wildcards (* or ?); at most {MaxWildcards} are searched");
        }

        // And a long word with a wildcard or a fuzzy ~: its automaton grows with the word (a 975-letter word with one ?
        // took 1.4 s to parse, and 20 s on a loaded machine: found by ./chorus fuzz query).
        if (LongestPatternWord(query) is var longest and > MaxPatternWordLength)
        {
            return ParseResult<Query>.Fail($"a word with a wildcard or ~ is {longest:N0} characters long; at most {MaxPatternWordLength} are searched");
        }

        Query parsed;
        try
        {
            parsed = new QueryParser(version, field, analyzer) { DefaultOperator = Operator.AND, AllowLeadingWildcard = false }.Parse(query);
        }
        catch (ParseException e)
        {
            return ParseResult<Query>.Fail($"cannot read the query: {Explain(e.Message)}. Put words in double quotes to search them as written");
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            return ParseResult<Query>.Fail($"the query has too many terms; at most {MaxTerms} are searched");
        }

        var problem = Check(parsed, out var terms);
        if (problem is not null)
        {
            return ParseResult<Query>.Fail(problem);
        }

        return terms > MaxTerms
            ? ParseResult<Query>.Fail($"the query has {terms} terms; at most {MaxTerms} are searched")
            : ParseResult<Query>.Ok(parsed);
    }

    private static string? Check(Query query, out int terms)
    {
        terms = 0;
        switch (query)
        {
            case RegexpQuery:
                return RegexProblem;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    if (Check(clause.Query, out var inner) is { } problem)
                    {
                        return problem;
                    }

                    terms += inner;
                }

                return null;
            case PhraseQuery phrase:
                terms = phrase.GetTerms().Length;
                return null;
            case MultiPhraseQuery multi:
                terms = multi.GetTermArrays().Sum(a => a.Length);
                return null;
            default:
                terms = 1;
                return null;
        }
    }

    /// <summary>The length of the longest word outside quotes that has an unescaped wildcard or a fuzzy ~; 0 when none has.</summary>
    private static int LongestPatternWord(string query)
    {
        var (quoted, start, pattern, longest) = (false, 0, false, 0);
        for (var i = 0; i <= query.Length; i++)
        {
            var c = i < query.Length ? query[i] : ' ';
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
                (start, pattern) = (i + 1, false);
            }
            else if (!quoted && (char.IsWhiteSpace(c) || c is '(' or ')' or '^' or ':'))
            {
                if (pattern)
                {
                    longest = Math.Max(longest, i - start);
                }

                (start, pattern) = (i + 1, false);
            }
            else if (!quoted && c is '*' or '?' or '~')
            {
                pattern = true;
            }
        }

        return longest;
    }

    private const string RegexProblem = "regular expressions (/…/) are not searched; use words, \"phrases\", prefix* or fuzzy~ (a / outside quotes starts one)";

    /// <summary>
    /// Whether the query has an unescaped slash outside a quoted phrase (where Lucene's syntax starts a regular
    /// expression), and how many unescaped wildcards it has there.
    /// </summary>
    private static (bool Regex, int Wildcards) Scan(string query)
    {
        var (quoted, wildcards) = (false, 0);
        for (var i = 0; i < query.Length; i++)
        {
            switch (query[i])
            {
                case '\\':
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '/' when !quoted:
                    return (true, wildcards);
                case '*' or '?' when !quoted:
                    wildcards++;
                    break;
            }
        }

        return (false, wildcards);
    }

    // Lucene says "Cannot parse 'NOT': Encountered "<EOF>" at line 1, column 3.\nWas expecting one of: …".
    private static string Explain(string message)
    {
        var text = message;
        var colon = text.IndexOf("': ", StringComparison.Ordinal);
        if (text.StartsWith("Cannot parse '", StringComparison.Ordinal) && colon > 0)
        {
            text = text[(colon + 3)..];
        }

        var line = text.IndexOfAny(['\n', '\r']);
        text = (line < 0 ? text : text[..line]).Trim().TrimEnd('.');
        return text.Replace("<EOF>", "the end of the query", StringComparison.Ordinal);
    }
}
