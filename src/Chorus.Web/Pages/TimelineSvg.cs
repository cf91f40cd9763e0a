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

    public static string Render(IReadOnlyList<TimelineDoc> timeline)
    {
        var start = timeline.Min(e => DateOnly.Parse(e.Start, CultureInfo.InvariantCulture)).DayNumber;
        var end = timeline.Max(e => DateOnly.Parse(e.End, CultureInfo.InvariantCulture)).DayNumber;
        var span = Math.Max(1, end - start + 1);
        var height = (timeline.Count * Row) + 10;
        var h = new Html().Raw($"<svg class=\"timeline\" role=\"img\" aria-labelledby=\"timeline-title\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Raw("<title id=\"timeline-title\">Timeline of the story</title>")
            .Raw($"<line x1=\"{AxisLeft}\" y1=\"4\" x2=\"{AxisLeft}\" y2=\"{height - 4}\" class=\"axis\"/><line x1=\"{AxisLeft + AxisWidth}\" y1=\"4\" x2=\"{AxisLeft + AxisWidth}\" y2=\"{height - 4}\" class=\"axis\"/>");
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
                .Text(e.Value + (e.Background ? " (background)" : string.Empty)).Raw("</text>")
                .Raw(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"12\" rx=\"3\"/>"))
                .Raw(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{AxisLeft + AxisWidth + 10}\" y=\"{y + 14}\" class=\"what\">"))
                .Text(Shorten(e.Text, 64)).Raw("<title>").Text(e.Text).Raw("</title></text></g>");
        }

        return h.Raw("</svg>").ToString();
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
