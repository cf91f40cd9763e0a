namespace Chorus.Core.Store;

/// <summary>
/// What a story's document is built from, as versions the store keeps for every writer: <paramref name="Content"/>
/// moves on with every write to the story's row, to one of its articles (joining, leaving, changed) and to their
/// stored layers; <paramref name="Entities"/> is the story's entity version
/// (<see cref="IStoreReader.StoryEntityVersionsAsync"/>). 0 where no such write was recorded.
/// </summary>
public readonly record struct StoryVersion(long Content, long Entities);

/// <summary>
/// A story's built document (the JSON the API serves, without the user's corrections, which are read with every
/// request), kept by the store under the story's <see cref="StoryVersion"/> when building began and under the build
/// of Chorus that made it (<paramref name="BuiltBy"/>): a kept document counts only while both still hold, so it is never
/// served stale, whoever wrote since.
/// </summary>
public sealed record StoredStoryDocument(string StoryId, bool Why, string BuiltBy, StoryVersion Version, string Body);
