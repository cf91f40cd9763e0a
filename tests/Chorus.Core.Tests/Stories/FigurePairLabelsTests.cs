using Chorus.Core.Stories.Comparison;
using Chorus.Evaluation;

namespace Chorus.Core.Tests.Stories;

public class FigurePairLabelsTests
{
    // Each value its own unless given: a reported pair of one value is no disagreement (see the test below).
    private static ConflictValue Value(string article, int start, string? value = null)
        => new(article, value ?? article + start, "een", start, start + 3, new SentenceRef(article, 0, 10));

    [Fact]
    public void Parse_ReadsEveryJudgement_AndNamesTheBadLine()
    {
        var (labels, errors) = FigurePairLabels.Parse("f.tsv", ["# c", "a\t1\tb\t2\tconflict\tnote", "a\t1\tb\t2\tupdate", "a\t1\tb\t2\tagree", "a\t1\tb\t2\tdifferent", "a\t1\tb\t2\t2", "a\tx\tb\t2\tconflict"]);
        Assert.Equal([FigurePairJudgement.Conflict, FigurePairJudgement.Update, FigurePairJudgement.Agree, FigurePairJudgement.Different], labels.Select(l => l.Judgement));
        Assert.Equal(["f.tsv:6: expected 'articleA<TAB>startA<TAB>articleB<TAB>startB<TAB>conflict|update|agree|different'", "f.tsv:7: expected 'articleA<TAB>startA<TAB>articleB<TAB>startB<TAB>conflict|update|agree|different'"], errors);
    }

    [Fact]
    public void Evaluate_CountsFoundDisagreements_KindsAndFalseAlarms()
    {
        FigurePairLabel[] labels =
        [
            new("a", 1, "b", 2, FigurePairJudgement.Conflict), // reported as a conflict
            new("b", 5, "a", 6, FigurePairJudgement.Update), // reported as a conflict: found, wrong kind (either order)
            new("a", 9, "c", 9, FigurePairJudgement.Conflict), // missed
            new("a", 20, "c", 20, FigurePairJudgement.Different), // reported: a false alarm
            new("a", 30, "c", 30, FigurePairJudgement.Agree), // quiet
        ];
        var comparison = new StoryComparison([], [
            new Conflict("number", "x", [Value("a", 1), Value("b", 2)]),
            new Conflict("number", "y", [Value("a", 6), Value("b", 5)]),
            new Conflict("number", "z", [Value("a", 20), Value("c", 20)]),
        ], [], [], "nl");
        var s = FigurePairLabels.Evaluate(labels, [comparison]);
        Assert.Equal((3, 2, 1, 1, 1), (s.Disagreements, s.Found, s.KindRight, s.Quiet, s.FalseAlarms));
        Assert.Equal(["missed conflict: a@9 ~ c@9", "false conflict (different): a@20 ~ c@20"], s.Mistakes);
    }

    // A judged figure is found in a reported mention that covers its start ("70 of 80 km/u" reported, "80 km/u" judged),
    // never in one that only touches it or lies elsewhere in the sentence.
    [Theory]
    [InlineData(40, 52, true)]
    [InlineData(46, 52, true)]
    [InlineData(30, 46, false)]
    [InlineData(47, 52, false)]
    public void Evaluate_FindsAJudgedFigure_InAMentionThatCoversItsStart(int start, int end, bool found)
    {
        FigurePairLabel[] labels = [new("a", 46, "b", 2, FigurePairJudgement.Update)];
        var comparison = new StoryComparison([], [], [], [], "nl")
        {
            Updates = [new FigureUpdate(UpdateKind.Update, "x", [Value("a", start) with { End = end }, Value("b", 2)])],
        };
        Assert.Equal(found ? 1 : 0, FigurePairLabels.Evaluate(labels, [comparison]).Found);
    }

    // A conflict of three reports, two of which give one value, reports those two against the third, not against each
    // other: "14 bn euro" (a) and "14 billion euro" (b) against "€15 billion" (c).
    [Fact]
    public void Evaluate_TwoReportsOfOneValueInAConflict_AreNoDisagreementWithEachOther()
    {
        FigurePairLabel[] labels =
        [
            new("a", 1, "b", 1, FigurePairJudgement.Agree),
            new("a", 1, "c", 1, FigurePairJudgement.Conflict),
        ];
        var comparison = new StoryComparison([], [new Conflict("number", "x", [Value("a", 1, "14"), Value("b", 1, "14"), Value("c", 1, "15")])], [], [], "en");
        var s = FigurePairLabels.Evaluate(labels, [comparison]);
        Assert.Equal((1, 1, 0), (s.Found, s.Quiet, s.FalseAlarms));
    }
}
