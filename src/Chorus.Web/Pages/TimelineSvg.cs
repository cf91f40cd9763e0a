using System.Globalization;
using Chorus.Core.Contracts;

namespace Chorus.Web.Pages;

/// <summary>
/// A story's timeline as an SVG: one row per dated happening, a bar on a shared time axis (a dot for a single day),
/// background happenings in grey, the date and the happening's sentence beside it.
/// </summary>
internal static class TimelineSvg
{
    private const int Row = 30;
    private const int Width = 960;
    private const int AxisLeft = 235;
    private const int AxisWidth = 200;

    /// <param name="titleId">The id of the drawing's title element (one per drawing on a page).</param>
    public static string Render(IReadOnlyList<TimelineDoc> timeline, string titleId = "timeline-title")
    {
        var start = timeline.Min(e => DateOnly.Parse(e.Start, CultureInfo.InvariantCulture)).DayNumber;
        var end = timeline.Max(e => DateOnly.Parse(e.End, CultureInfo.InvariantCulture)).DayNumber;
        var span = Math.Max(1, end - start + 1);
        var height = (timeline.Count * Row) + 22;
        var h = new Html().Raw($"<svg class=\"timeline\" role=\"img\" aria-labelledby=\"{titleId}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Raw($"<title id=\"{titleId}\">Timeline of the story</title>")
            .Raw($"<line x1=\"{AxisLeft}\" y1=\"4\" x2=\"{AxisLeft}\" y2=\"{height - 4}\" class=\"axis\"/><line x1=\"{AxisLeft + AxisWidth}\" y1=\"4\" x2=\"{AxisLeft + AxisWidth}\" y2=\"{height - 4}\" class=\"axis\"/>")
            // The axis says what its two ends are.
            .Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{AxisLeft}\" y=\"{height - 1}\" class=\"tick\">")).Text(Day(DateOnly.FromDayNumber(start))).Raw("</text>")
            .Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{AxisLeft + AxisWidth}\" y=\"{height - 1}\" class=\"tick\" text-anchor=\"end\">")).Text(Day(DateOnly.FromDayNumber(end))).Raw("</text>");
        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            var y = 8 + (i * Row);
            var from = DateOnly.Parse(e.Start, CultureInfo.InvariantCulture).DayNumber;
            var to = DateOnly.Parse(e.End, CultureInfo.InvariantCulture).DayNumber;
            var x = AxisLeft + ((double)(from - start) / span * AxisWidth);
            var w = Math.Max(6, (double)(to - from + 1) / span * AxisWidth);
            var cls = e.Background ? "event background" : "event";
            h.Raw(string.Create(CultureInfo.InvariantCulture, $"<g class=\"{cls}\"><text x=\"4\" y=\"{y + 14}\" class=\"when\">"))
                .Text(Label(DateOnly.Parse(e.Start, CultureInfo.InvariantCulture), DateOnly.Parse(e.End, CultureInfo.InvariantCulture)) + (e.Background ? " (background)" : string.Empty))
                .Raw("<title>").Text(e.Value).Raw("</title></text>")
                .Raw(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"12\" rx=\"3\"/>"))
                .Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{AxisLeft + AxisWidth + 10}\" y=\"{y + 14}\" class=\"what\">"))
                .Text(Shorten(e.Text, 64)).Raw("<title>").Text(e.Text).Raw("</title></text></g>");
        }

        return h.Raw("</svg>").ToString();
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The days a happening covers as a reader says them: "12 Sep 2023", "Sep 2023", "2019", "10–13 Sep 2023",
    /// "4 Mar – 31 Mar 2019" (a span of weeks), "2014–2018"; the TIMEX value stays in the tooltip.
    /// </summary>
    internal static string Label(DateOnly start, DateOnly end)
    {
        var c = CultureInfo.InvariantCulture;
        if (start == end)
        {
            return Day(start);
        }

        var wholeMonths = start.Day == 1 && end.AddDays(1).Day == 1;
        if (wholeMonths && start.Month == 1 && end.Month == 12)
        {
            return start.Year == end.Year ? start.Year.ToString(c) : $"{start.Year.ToString(c)}–{end.Year.ToString(c)}";
        }

        if (wholeMonths)
        {
            return start.Year == end.Year && start.Month == end.Month
                ? start.ToString("MMM yyyy", c)
                : $"{start.ToString(start.Year == end.Year ? "MMM" : "MMM yyyy", c)} – {end.ToString("MMM yyyy", c)}";
        }

        return start.Year == end.Year && start.Month == end.Month
            ? $"{start.Day.ToString(c)}–{end.ToString("d MMM yyyy", c)}"
            : $"{start.ToString(start.Year == end.Year ? "d MMM" : "d MMM yyyy", c)} – {end.ToString("d MMM yyyy", c)}";
    }
}
