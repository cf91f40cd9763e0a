using Chorus.Core.Store;

namespace Chorus.Core.Entities;

/// <summary>One judged name: the form looked up, the names that are right for its entity, what the store shows.</summary>
public sealed record EntityNameVerdict(string Variant, IReadOnlyList<string> Right, string? Shown, bool IsRight);

/// <summary>
/// Scores the names shown for entities against a hand-judged list (<c>eval/entities/*.tsv</c>: a name or variant,
/// a tab, the right names separated by '|', or '-' when the form is no name at all). A row is right when the most
/// mentioned entity that has the form as its name or a variant is shown under one of the right names; for '-',
/// when no entity is shown under the form.
/// </summary>
public static class EntityNameAudit
{
    public static IReadOnlyList<EntityNameVerdict> Evaluate(IReadOnlyCollection<StoredEntity> live, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(lines);
        var byForm = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in live.OrderByDescending(e => e.Mentions).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            named.Add(e.Name);
            foreach (var form in e.Variants.Keys.Append(e.Name))
            {
                byForm.TryAdd(form, e);
            }
        }

        var verdicts = new List<EntityNameVerdict>();
        var header = true;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var variant = line[..tab];
            var right = line[(tab + 1)..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (right is ["-"])
            {
                verdicts.Add(new EntityNameVerdict(variant, [], named.Contains(variant) ? variant : null, !named.Contains(variant)));
                continue;
            }

            var shown = byForm.GetValueOrDefault(variant)?.Name;
            verdicts.Add(new EntityNameVerdict(variant, right, shown, shown is not null && right.Contains(shown, StringComparer.Ordinal)));
        }

        return verdicts;
    }
}
