using Chorus.Core.Time;

namespace Chorus.Core.Extraction.Ner;

/// <summary>One sentence: its words and, for labelled data, their IOB2 tags.</summary>
public sealed record NerSentence(string[] Words, string[]? Tags);

/// <summary>A document (an article): the unit inside which document-level features look for evidence.</summary>
public sealed record NerDocument(IReadOnlyList<NerSentence> Sentences);

/// <summary>
/// Reads CoNLL-2002 style files: one token per line (<c>word [other columns] tag</c>), blank lines between
/// sentences, <c>-DOCSTART-</c> lines between documents. IOB1 tags are converted to IOB2.
/// </summary>
public static class ConllFormat
{
    public static ParseResult<List<NerDocument>> Read(string path)
    {
        if (!File.Exists(path))
        {
            return ParseResult<List<NerDocument>>.Fail($"{path}: no such file");
        }

        var docs = new List<NerDocument>();
        var sentences = new List<NerSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                FlushSentence();
                if (sentences.Count > 0)
                {
                    docs.Add(new NerDocument(sentences));
                    sentences = [];
                }

                continue;
            }

            if (line.Length == 0)
            {
                FlushSentence();
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                return ParseResult<List<NerDocument>>.Fail($"{path}:{lineNumber}: expected 'word ... tag', found '{line}'");
            }

            var tag = parts[^1];
            if (tag != "O" && !(tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I'))
            {
                return ParseResult<List<NerDocument>>.Fail($"{path}:{lineNumber}: '{tag}' is not an IOB tag");
            }

            words.Add(parts[0]);
            tags.Add(tag);
        }

        FlushSentence();
        if (sentences.Count > 0)
        {
            docs.Add(new NerDocument(sentences));
        }

        return ParseResult<List<NerDocument>>.Ok(docs);

        void FlushSentence()
        {
            if (words.Count == 0)
            {
                return;
            }

            var t = tags.ToArray();
            for (var i = 0; i < t.Length; i++)
            {
                // IOB1 → IOB2: an I-X that does not continue an X chunk begins one.
                if (t[i].StartsWith("I-", StringComparison.Ordinal) && (i == 0 || t[i - 1] == "O" || t[i - 1][2..] != t[i][2..]))
                {
                    t[i] = "B-" + t[i][2..];
                }
            }

            sentences.Add(new NerSentence([.. words], t));
            words.Clear();
            tags.Clear();
        }
    }
}
