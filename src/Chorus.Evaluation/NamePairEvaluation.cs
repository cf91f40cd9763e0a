using Chorus.Core.Time;
using Chorus.Core.Analysis;
using Chorus.Core.Entities;
using Chorus.Core.Store;

namespace Chorus.Evaluation;

/// <summary>Two names of one type, judged to be one entity or two.</summary>
public sealed record NamePair(EntityType Type, string A, string B, bool Same, string Why);

/// <summary>
/// How entity resolution decides on judged name pairs, and the pairs it decided wrongly. A pair counts as merged when
/// either name, arriving second, links to the other as a stored entity (arrival order is chance: one wrong link merges
/// them); a pair of one entity counts as found only when both orders link.
/// </summary>
public sealed record NamePairScores(int Pairs, int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyList<string> Mistakes)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>
/// Scores cross-article entity resolution on judged name pairs (<c>eval/entities/name-pairs-*.tsv</c>) through the
/// runtime's own path: a stored entity is a candidate only when it shares a block with the name
/// (<see cref="EntityBlocks"/>), and <see cref="EntityMatcher"/> decides among the candidates.
/// </summary>
public static class NamePairEvaluation
{
    /// <summary>Reads "TYPE TAB name A TAB name B TAB 1|0 TAB why" lines ('#' starts a comment); errors name the line.</summary>
    public static ParseResult<IReadOnlyList<NamePair>> Parse(string file, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var pairs = new List<NamePair>();
        foreach (var (lineNo, cols) in TabRows.Of(lines))
        {
            if (cols.Length < 4 || cols[3] is not ("0" or "1"))
            {
                return ParseResult<IReadOnlyList<NamePair>>.Fail($"{file}:{lineNo}: expected type, name A, name B, 1 or 0 (and why) separated by tabs");
            }

            if (!EntityTypes.TryParse(cols[0], out var type))
            {
                return ParseResult<IReadOnlyList<NamePair>>.Fail($"{file}:{lineNo}: type '{cols[0]}' is not PER, LOC, ORG or MISC");
            }

            if (cols[1].Trim().Length == 0 || cols[2].Trim().Length == 0)
            {
                return ParseResult<IReadOnlyList<NamePair>>.Fail($"{file}:{lineNo}: an empty name");
            }

            pairs.Add(new NamePair(type, cols[1].Trim(), cols[2].Trim(), cols[3] == "1", cols.Length > 4 ? cols[4] : string.Empty));
        }

        return ParseResult<IReadOnlyList<NamePair>>.Ok(pairs);
    }

    public static NamePairScores Evaluate(IReadOnlyList<NamePair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int tp = 0, fp = 0, fn = 0;
        var mistakes = new List<string>();
        foreach (var p in pairs)
        {
            var forward = Links(p.Type, p.A, p.B);
            var backward = Links(p.Type, p.B, p.A);
            if (p.Same && forward && backward)
            {
                tp++;
            }
            else if (p.Same)
            {
                fn++;
                mistakes.Add($"not merged: {p.A} / {p.B} ({p.Why}){(forward || backward ? "; one order only" : string.Empty)}");
            }
            else if (forward || backward)
            {
                fp++;
                mistakes.Add($"wrongly merged: {p.A} / {p.B} ({p.Why})");
            }
        }

        return new NamePairScores(pairs.Count, tp, fp, fn, mistakes);
    }

    /// <summary>Whether <paramref name="name"/>, met in an article, links to a stored entity named <paramref name="stored"/>.</summary>
    private static bool Links(EntityType type, string name, string stored)
    {
        if (!EntityBlocks.Of(type, name).Intersect(EntityBlocks.Of(type, stored), StringComparer.Ordinal).Any())
        {
            return false;
        }

        var local = new LocalEntity(type, name, new Dictionary<string, int>(StringComparer.Ordinal) { [name] = 1 });
        var entity = new StoredEntity { Id = "e", Type = type, Name = stored, Mentions = 1, Variants = { [stored] = 1 } };
        return new EntityMatcher().Match(local, [entity]).Kind == EntityMatchKind.Linked;
    }
}
