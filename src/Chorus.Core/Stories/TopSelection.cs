namespace Chorus.Core.Stories;

/// <summary>
/// The first <c>k</c> items of a list in the order a comparison gives, without sorting the rest: a selection by
/// partitioning (expected linear), then a sort of the <c>k</c> kept. With a total order (no two items compare equal) the
/// kept items and their order are exactly a full sort's first <c>k</c>, so callers get the same vectors, only sooner:
/// the clusterer keeps the 60 heaviest of a few hundred weighed keys for every one-article story it compares again.
/// </summary>
internal static class TopSelection
{
    /// <summary>Leaves the first <paramref name="k"/> items of <paramref name="items"/> in order and drops the rest.</summary>
    public static void KeepFirst<T>(List<T> items, int k, Comparison<T> comparison)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(comparison);
        if (items.Count <= k)
        {
            items.Sort(comparison);
            return;
        }

        KeepFirst(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items), k, comparison);
        items.RemoveRange(k, items.Count - k);
    }

    /// <summary>
    /// Puts the first <paramref name="k"/> items of <paramref name="span"/>, in order, at its start; the rest follow in
    /// no order. A span shorter than <paramref name="k"/> is sorted whole.
    /// </summary>
    public static void KeepFirst<T>(Span<T> span, int k, Comparison<T> comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (span.Length <= k)
        {
            span.Sort(comparison);
            return;
        }

        Select(span, k, comparison);
        span[..k].Sort(comparison);
    }

    /// <summary>Reorders <paramref name="span"/> so that its first <paramref name="k"/> items are the <paramref name="k"/> least (in any order).</summary>
    private static void Select<T>(Span<T> span, int k, Comparison<T> comparison)
    {
        var (lo, hi) = (0, span.Length - 1);
        while (lo < hi)
        {
            var p = Partition(span, lo, hi, comparison);
            if (p == k || p == k - 1)
            {
                return;
            }

            if (p < k)
            {
                lo = p + 1;
            }
            else
            {
                hi = p - 1;
            }
        }
    }

    /// <summary>Lomuto partition around the median of three; returns the pivot's final index.</summary>
    private static int Partition<T>(Span<T> span, int lo, int hi, Comparison<T> comparison)
    {
        var mid = lo + ((hi - lo) / 2);
        if (comparison(span[mid], span[lo]) < 0)
        {
            (span[mid], span[lo]) = (span[lo], span[mid]);
        }

        if (comparison(span[hi], span[lo]) < 0)
        {
            (span[hi], span[lo]) = (span[lo], span[hi]);
        }

        if (comparison(span[mid], span[hi]) < 0)
        {
            (span[mid], span[hi]) = (span[hi], span[mid]);
        }

        // The median of the three is now at hi.
        var pivot = span[hi];
        var store = lo;
        for (var i = lo; i < hi; i++)
        {
            if (comparison(span[i], pivot) < 0)
            {
                (span[i], span[store]) = (span[store], span[i]);
                store++;
            }
        }

        (span[store], span[hi]) = (span[hi], span[store]);
        return store;
    }
}
