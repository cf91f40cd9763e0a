namespace Chorus.Cli.Tests;

/// <summary>A CHORUS_ANALYSIS_NICE the analysing commands cannot use is said on stderr, not passed over in silence.</summary>
public sealed class AnalysisNiceWarningTests
{
    [Theory]
    [InlineData("ingest", "high", true)]
    [InlineData("ingest", "25", true)]
    [InlineData("serve", "-1", true)]
    [InlineData("reanalyse", " 5", true)]
    [InlineData("watch", "ten", true)]
    [InlineData("demo", "3.5", true)]
    [InlineData("ingest", "5", false)]
    [InlineData("ingest", "0", false)]
    [InlineData("ingest", null, false)]
    [InlineData("ingest", "", false)]
    // Commands that never analyse have no use for it.
    [InlineData("stories", "high", false)]
    [InlineData("search", "high", false)]
    public void Warns_WhereAnAnalysingCommandCannotUseTheSetting(string command, string? setting, bool warns)
    {
        var warning = ChorusCli.AnalysisNiceWarning(command, setting);
        Assert.Equal(warns, warning is not null);
        if (warning is not null)
        {
            Assert.StartsWith("chorus: warning: CHORUS_ANALYSIS_NICE=" + setting, warning, StringComparison.Ordinal);
            Assert.Contains("0 to 19", warning, StringComparison.Ordinal);
        }
    }
}
