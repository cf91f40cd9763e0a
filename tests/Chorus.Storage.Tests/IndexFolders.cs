using Chorus.Core.Store;
using Chorus.Storage.Search;

namespace Chorus.Storage.Tests;

internal static class IndexFolders
{
    /// <summary>A folder <paramref name="name"/> under <paramref name="root"/> of an index holding these articles, its writer closed.</summary>
    public static async Task<string> WrittenAsync(string root, string name, IReadOnlyList<StoredArticle> articles)
    {
        var folder = Path.Combine(root, name);
        using var writing = LuceneSearchIndex.OpenFolder(folder);
        await writing.AddAsync(articles);
        writing.CloseWriter();
        return folder;
    }
}
