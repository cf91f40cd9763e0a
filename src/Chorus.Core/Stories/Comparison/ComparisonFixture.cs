using System.Globalization;
using System.Text;
using Chorus.Core.Time;

namespace Chorus.Core.Stories.Comparison;

/// <summary>A sentence of a fixture article: its claim label and its offsets in the article text.</summary>
public sealed record FixtureSentence(string Label, int Start, int End);

public sealed record FixtureArticle(string Id, string Outlet, PartialDate Date, string Lang, string? CopyOf, string Text, IReadOnlyList<FixtureSentence> Sentences);

/// <summary>
/// A planted conflict: its kind (number, date, place, time) and the values the sources give; or, of kind "update", a
/// figure that grew between report days, which must be reported as an update and never as a conflict.
/// </summary>
public sealed record FixtureConflict(string Kind, IReadOnlyList<string> Values);

public sealed record FixtureStory(string Id, IReadOnlyList<FixtureArticle> Articles, IReadOnlyList<FixtureConflict> Conflicts);

/// <summary>
/// Reads the labelled comparison fixture format (see eval/comparison-stories.txt). Returns the stories and
/// every problem with its line number instead of throwing: the file is written by hand.
/// </summary>
public static class ComparisonFixture
{
    public static (List<FixtureStory> Stories, List<string> Errors) Parse(string path, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var stories = new List<FixtureStory>();
        var errors = new List<string>();
        string? storyId = null;
        List<FixtureArticle> articles = [];
        List<FixtureConflict> conflicts = [];
        ArticleBuilder? article = null;
        // Story ids key the stories of a file, article ids the articles of a story (and a copy names its original):
        // written twice, the evaluation could not tell them apart.
        var storyIds = new HashSet<string>(StringComparer.Ordinal);
        var articleIds = new HashSet<string>(StringComparer.Ordinal);

        void EndArticle()
        {
            if (article is not null)
            {
                articles.Add(article.Build());
                article = null;
            }
        }

        void EndStory()
        {
            EndArticle();
            if (storyId is not null)
            {
                stories.Add(new FixtureStory(storyId, articles, conflicts));
            }

            (articles, conflicts) = ([], []);
            articleIds.Clear();
        }

        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd();
            var where = $"{path}:{number.ToString(CultureInfo.InvariantCulture)}";
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("=== story ", StringComparison.Ordinal))
            {
                EndStory();
                storyId = line[10..].Trim();
                if (!storyIds.Add(storyId))
                {
                    errors.Add($"{where}: story '{storyId}' is named twice in the file");
                }
            }
            else if (line.StartsWith("--- article ", StringComparison.Ordinal))
            {
                EndArticle();
                var fields = line[12..].Split('|', StringSplitOptions.TrimEntries);
                var date = fields.Length >= 3 ? PartialDate.Parse(fields[2]) : default;
                if (storyId is null || fields.Length is < 4 or > 5 || !date.Success)
                {
                    errors.Add($"{where}: expected '--- article ID | outlet | YYYY-MM[-DD] | lang [| copy of ID]' inside a story{(date.Error is { } e ? ": " + e : string.Empty)}");
                    continue;
                }

                var copyOf = fields.Length == 5 && fields[4].StartsWith("copy of ", StringComparison.Ordinal) ? fields[4][8..].Trim() : null;
                if (fields.Length == 5 && copyOf is null)
                {
                    errors.Add($"{where}: the fifth field must be 'copy of ID'");
                }

                if (!articleIds.Add(fields[0]))
                {
                    errors.Add($"{where}: article '{fields[0]}' is named twice in story '{storyId}'");
                }

                if (copyOf is not null && !articleIds.Contains(copyOf))
                {
                    errors.Add($"{where}: 'copy of {copyOf}' names no earlier article of story '{storyId}'");
                }

                article = new ArticleBuilder(fields[0], fields[1], date.Value, fields[3], copyOf);
            }
            else if (line.StartsWith('!'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var kind = colon > 1 ? line[1..colon].Trim() : string.Empty;
                var values = colon > 0 ? line[(colon + 1)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
                if (storyId is null || kind is not ("number" or "date" or "place" or "time" or "update") || values.Length < 2)
                {
                    errors.Add($"{where}: expected '! number|date|place|time|update: VALUE | VALUE' inside a story");
                    continue;
                }

                EndArticle();
                conflicts.Add(new FixtureConflict(kind, values));
            }
            else if (line.Length == 0)
            {
                article?.EndParagraph();
            }
            else if (line.StartsWith('[') && line.IndexOf(']', StringComparison.Ordinal) is > 1 and var close && article is not null)
            {
                article.Add(line[1..close], line[(close + 1)..].Trim());
            }
            else
            {
                errors.Add($"{where}: expected a story, article, '[LABEL] sentence' or '!' line");
            }
        }

        EndStory();
        return (stories, errors);
    }

    private sealed class ArticleBuilder(string id, string outlet, PartialDate date, string lang, string? copyOf)
    {
        private readonly StringBuilder _text = new();
        private readonly List<FixtureSentence> _sentences = [];
        private bool _paragraphEnded;

        public void Add(string label, string sentence)
        {
            if (_text.Length > 0)
            {
                _text.Append(_paragraphEnded ? "\n\n" : " ");
            }

            _paragraphEnded = false;
            _sentences.Add(new FixtureSentence(label, _text.Length, _text.Length + sentence.Length));
            _text.Append(sentence);
        }

        public void EndParagraph() => _paragraphEnded = _text.Length > 0;

        public FixtureArticle Build() => new(id, outlet, date, lang, copyOf, _text.ToString(), _sentences);
    }
}
