using System.Reflection;
using System.Text.RegularExpressions;
using Chorus.Core.Store;

namespace Chorus.Storage.Tests;

/// <summary>
/// The suites that run against every store (SQLite and PostgreSQL alike) name every member of the store contract's
/// sides, so a member added to the contract without a test on both engines fails here.
/// </summary>
public sealed partial class StoreContractCoverageTests
{
    // The abstract suites every engine runs, by file.
    private static readonly string[] Suites = ["StoreContractTests.cs", "StoryCorrectionTests.cs", "EntityResolutionTests.cs", "MonitoringStoreContractTests.cs"];

    // Members those suites reach through Core's domain classes rather than by name, and where.
    private static readonly Dictionary<string, string> ReachedThrough = new(StringComparer.Ordinal)
    {
        ["ApplyStoryCorrectionAsync"] = "StoryCorrector.MergeAsync/SplitAsync/MoveAsync in StoryCorrectionTests",
        ["UndoStoryCorrectionAsync"] = "StoryCorrector.UndoAsync in StoryCorrectionTests",
    };

    [Theory]
    [InlineData(typeof(IStoreReader))]
    [InlineData(typeof(IStoreWriter))]
    [InlineData(typeof(IStoreCorrections))]
    [InlineData(typeof(IStoreBatch))]
    public void EveryMemberOfTheContract_IsNamedByASuiteThatRunsOnEveryEngine(Type side)
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "tests", "Chorus.Storage.Tests");
        var named = Suites.Select(f => File.ReadAllText(Path.Combine(folder, f)))
            .SelectMany(source => Identifier().Matches(source).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);
        var members = side.GetMembers(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m is MethodInfo { IsSpecialName: false } or PropertyInfo)
            .Select(m => m.Name)
            .Distinct(StringComparer.Ordinal);
        var untested = members.Where(m => !named.Contains(m) && !ReachedThrough.ContainsKey(m)).Order(StringComparer.Ordinal).ToList();
        Assert.True(untested.Count == 0, $"{side.Name} members no engine-wide suite names: {string.Join(", ", untested)}");
        foreach (var (member, where) in ReachedThrough)
        {
            Assert.True(typeof(IChorusStore).GetInterfaces().Any(i => i.GetMember(member).Length > 0), $"{member} ({where}) is no longer in the contract");
        }
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\b")]
    private static partial Regex Identifier();
}
