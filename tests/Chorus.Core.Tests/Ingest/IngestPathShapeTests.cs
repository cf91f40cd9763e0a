using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Runtime.CompilerServices;
using Chorus.Core.Entities;
using Chorus.Core.Ingest;

namespace Chorus.Core.Tests.Ingest;

/// <summary>
/// The ingest path stays a set of small stages: no method over 60 source lines or 5 parameters. Lines are read from
/// the portable PDB's sequence points (first to last line of each compiled method, async state machines and lambdas
/// included), so the check follows the code as compiled, not a text heuristic.
/// </summary>
public sealed class IngestPathShapeTests
{
    private const int MaxLines = 60;
    private const int MaxParameters = 5;

    private static readonly Type[] IngestPath =
    [
        typeof(IngestPipeline), typeof(ArticlePreparer), typeof(PreparedArticle), typeof(KeyedArticle),
        Internal("Chorus.Core.Ingest.StoryWriter"), Internal("Chorus.Core.Ingest.EntityLinkStage"), Internal("Chorus.Core.Ingest.SearchIndexStage"),
        Internal("Chorus.Core.Ingest.StageGroup"), Internal("Chorus.Core.Ingest.AnalysisThreads"), Internal("Chorus.Core.Ingest.InputChunks"), Internal("Chorus.Core.Ingest.PreparedBatch"),
        typeof(EntityResolver), typeof(EntityMatcher), typeof(EntityBlocks), Internal("Chorus.Core.Entities.EntityCandidateCache"),
        Internal("Chorus.Core.Entities.EntityChangeTracker"), Internal("Chorus.Core.Entities.EntityNameCache"),
    ];

    [Fact]
    public void NoMethodOnTheIngestPath_IsLongerThan60Lines()
    {
        var assembly = typeof(IngestPipeline).Assembly;
        var pdb = Path.ChangeExtension(assembly.Location, ".pdb");
        Assert.True(File.Exists(pdb), $"no PDB beside {assembly.Location}");
        using var stream = File.OpenRead(pdb);
        using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
        var debug = provider.GetMetadataReader();

        var measured = 0;
        var tooLong = new List<string>();
        foreach (var method in IngestPath.SelectMany(AllMethods))
        {
            var info = debug.GetMethodDebugInformation(MetadataTokens.MethodDefinitionHandle(method.MetadataToken));
            var lines = info.GetSequencePoints().Where(p => !p.IsHidden).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            measured++;
            var span = lines.Max(p => p.EndLine) - lines.Min(p => p.StartLine) + 1;
            if (span > MaxLines)
            {
                tooLong.Add($"{method.DeclaringType!.FullName}.{method.Name}: {span} lines");
            }
        }

        Assert.True(measured > 50, $"only {measured} methods measured: the PDB does not match the assembly");
        Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
    }

    [Fact]
    public void NoMethodOnTheIngestPath_TakesMoreThan5Parameters()
    {
        var tooMany = IngestPath
            .SelectMany(AllMethods)
            .Where(m => !m.IsDefined(typeof(CompilerGeneratedAttribute)) && !m.DeclaringType!.IsDefined(typeof(CompilerGeneratedAttribute)) && !m.Name.Contains('<', StringComparison.Ordinal))
            .Where(m => m.GetParameters().Length > MaxParameters)
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}({m.GetParameters().Length})")
            .ToList();
        Assert.True(tooMany.Count == 0, string.Join("\n", tooMany));
    }

    /// <summary>
    /// A prepared batch waits for the writer while the next one is analysed, so whatever a prepared article references
    /// survives that analysis's collections: the analysis (tokens, stems, mentions) must not be among it.
    /// </summary>
    [Fact]
    public void APreparedArticle_HoldsNoAnalysis()
    {
        var held = typeof(PreparedArticle).GetProperties().Select(p => p.PropertyType).ToList();
        Assert.NotEmpty(held);
        Assert.DoesNotContain(typeof(Chorus.Core.Analysis.AnalyzedArticle), held);
        Assert.DoesNotContain(typeof(Chorus.Core.Analysis.AnalysisDocument), held);
    }

    /// <summary>Every method and constructor of the type and of its nested types (state machines, closures).</summary>
    private static IEnumerable<MethodBase> AllMethods(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetMethods(All).Cast<MethodBase>()
            .Concat(type.GetConstructors(All))
            .Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(AllMethods));
    }

    private static Type Internal(string name) => typeof(IngestPipeline).Assembly.GetType(name, throwOnError: true)!;
}
