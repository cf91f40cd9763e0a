namespace Chorus.Core.Stories;

/// <summary>
/// The headings news outlets put over a round-up of unrelated short items ("Kort nieuws", "News in brief", "Kurz
/// notiert"): an article titled by one alone reports many events, so it is no report of any one of them. Headings of
/// Dutch, English and German papers, as their rubrics are commonly named (a fact of the languages' press, not taken from
/// any data set); a title is a digest's when it is a heading, or a heading of two words or more followed by at most two
/// words (an edition or a place: "Kort nieuws Amsterdam"). A single brief under the rubric has a headline of its own and is not a digest
/// ("Bert Habets weg als topman bij RTL Group. Kort").
/// </summary>
public static class DigestHeadings
{
    // Each heading as its words, split once: the check runs for every ingested article.
    private static readonly string[][] Headings = new[]
    {
        "kort nieuws", "nieuws in het kort", "het nieuws in het kort", "in het kort", "kort", "kortweg", "nieuws kort",
        "news in brief", "in brief", "briefly", "news briefs", "briefs", "the briefing", "news roundup", "news round-up",
        "kurz notiert", "kurz gemeldet", "in kürze", "nachrichten in kürze", "kurznachrichten", "meldungen", "kurz und knapp",
    }.Select(h => h.Split(' ')).ToArray();

    /// <summary>Whether <paramref name="title"/> is a digest's: a heading alone, or one of two words or more followed by at most two words.</summary>
    public static bool IsDigestTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return false;
        }

        var words = title.Trim().TrimEnd('.', ':', '!').Split([' ', '\t', ':', '|', '-'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var parts in Headings)
        {
            // A one-word heading must stand alone: "Kort maar krachtig" and "Kort geding" are headlines.
            if (words.Length >= parts.Length && words.Length <= parts.Length + (parts.Length > 1 ? 2 : 0) && StartsWith(words, parts))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWith(string[] words, string[] parts)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            if (!string.Equals(parts[i], words[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
