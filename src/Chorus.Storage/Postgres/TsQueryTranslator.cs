using System.Text;
using Chorus.Storage.Search;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Chorus.Storage.Postgres;

/// <summary>
/// Turns a search in Lucene syntax (what the CLI, API and pages accept, checked by <see cref="SearchQueryParser"/>)
/// into PostgreSQL <c>to_tsquery</c> text, so that both stores answer the same queries: words and numbers, "phrases"
/// (<c>&lt;-&gt;</c>), AND / OR / NOT / - / +, prefixes (<c>trein*</c>). Fuzzy terms (<c>Sjojgoe~</c>) are searched as
/// written and other wildcards as the prefix before them, since PostgreSQL's text search has neither. Words are
/// quoted, so nothing a user types is read as tsquery syntax; stemming is left to the language's configuration.
/// </summary>
public static class TsQueryTranslator
{
    // Splits and lower-cases words like the validator, but keeps stopwords: the language configuration drops its own.
    private static readonly StandardAnalyzer Words = new(LuceneVersion.LUCENE_48, CharArraySet.Empty);

    /// <summary>The tsquery text, or null when the query cannot match anything (nothing but exclusions, say) or is refused.</summary>
    public static string? Translate(string query)
    {
        var parsed = SearchQueryParser.Parse(query, "text", Words, LuceneVersion.LUCENE_48);
        return parsed.Success ? Build(parsed.Value!) : null;
    }

    private static string? Build(Query query) => query switch
    {
        TermQuery t => Word(t.Term.Text),
        FuzzyQuery f => Word(f.Term.Text),
        PrefixQuery p => Prefix(p.Prefix.Text),
        WildcardQuery w => Prefix(w.Term.Text[..LiteralPrefixLength(w.Term.Text)]),
        PhraseQuery p => Phrase(p.GetTerms().Select(t => Word(t.Text)).OfType<string>().ToList()),
        BooleanQuery b => Boolean(b),
        _ => null,
    };

    private static string? Phrase(List<string> words) => words.Count == 0 ? null : "(" + string.Join(" <-> ", words) + ")";

    private static string? Boolean(BooleanQuery query)
    {
        var must = new List<string>();
        var should = new List<string>();
        var not = new List<string>();
        foreach (var clause in query.Clauses)
        {
            var built = Build(clause.Query);
            switch (clause.Occur)
            {
                case Occur.MUST when built is null:
                    return null;
                case Occur.MUST:
                    must.Add(built);
                    break;
                case Occur.SHOULD when built is not null:
                    should.Add(built);
                    break;
                case Occur.MUST_NOT when built is not null:
                    not.Add("!" + built);
                    break;
            }
        }

        // As in Lucene: optional clauses beside required ones only rank, and exclusions alone match nothing.
        if (must.Count == 0 && should.Count > 0)
        {
            must.Add("(" + string.Join(" | ", should) + ")");
        }

        return must.Count == 0 ? null : "(" + string.Join(" & ", must.Concat(not)) + ")";
    }

    private static int LiteralPrefixLength(string text)
    {
        var i = text.IndexOfAny(['*', '?']);
        return i < 0 ? text.Length : i;
    }

    private static string? Prefix(string text) => Word(text) is { } word ? word + ":*" : null;

    // A quoted lexeme: to_tsquery reads nothing inside quotes as syntax (a quote is doubled).
    private static string? Word(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var quoted = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            quoted.Append(c == '\'' ? "''" : c == '\\' ? "\\\\" : c.ToString());
        }

        return quoted.Append('\'').ToString();
    }
}
