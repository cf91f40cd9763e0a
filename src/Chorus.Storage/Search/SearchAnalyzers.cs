using Lucene.Net.Analysis;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;

namespace Chorus.Storage.Search;

/// <summary>
/// The analysers of the search index, one per language field (stopwords and stemming), in one place: the index
/// analyses articles and queries with them and the snippet builder marks matches with them, so the two cannot drift.
/// </summary>
internal static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The languages with a field of their own; any other is indexed as the first.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["nl", "en", "de"];

    public static Analyzer Create(string lang) => lang switch
    {
        "en" => new EnglishAnalyzer(Version),
        "de" => new GermanAnalyzer(Version),
        _ => new DutchSearchAnalyzer(),
    };
}
