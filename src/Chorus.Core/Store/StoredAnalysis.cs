namespace Chorus.Core.Store;

/// <summary>An article's stored annotation layers (<see cref="Analysis.AnalysisCodec"/>) and the analyser version that made them.</summary>
public sealed record StoredAnalysis(int Version, byte[] Layers);
