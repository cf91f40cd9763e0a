using System.Text;
using Chorus.Core.Ingest;

namespace Chorus.Core.Tests.Ingest;

public class ArticleInputReaderTests
{
    [Fact]
    public void ReadFile_Over10MB_IsRejectedWithItsSize()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("big.txt", " date 2023-09 " + new string('a', 11 * 1024 * 1024));
        var r = Assert.Single(ArticleInputReader.ReadFile(path, new ReadOptions()));
        Assert.Equal(path, r.Rejection!.Input);
        Assert.Contains("11 MB", r.Rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("limit", r.Rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_Empty_And_Binary_AreRejected()
    {
        using var tmp = new TempFolder();
        var empty = tmp.File("empty.txt", string.Empty);
        var bin = tmp.Bytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]);
        Assert.Contains("empty", Assert.Single(ArticleInputReader.ReadFile(empty, new ReadOptions())).Rejection!.Reason, StringComparison.Ordinal);
        Assert.Contains("binary", Assert.Single(ArticleInputReader.ReadFile(bin, new ReadOptions())).Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_MissingPath_IsAProblem_AndFoldersAreReadRecursivelyInOrder()
    {
        using var tmp = new TempFolder();
        tmp.File("b/2.txt", " date 2023 B.");
        tmp.File("a.txt", " date 2023 A.");
        tmp.File("README.md", "# not an article");
        tmp.File(".hidden.txt", " date 2023 hidden");
        var expanded = ArticleInputReader.Expand([tmp.Path, Path.Combine(tmp.Path, "nope.txt")]).ToList();
        Assert.Equal(["a.txt", Path.Combine("b", "2.txt")], expanded.Where(e => e.File is not null).Select(e => Path.GetRelativePath(tmp.Path, e.File!)));
        Assert.Equal("no such file or folder", expanded.Single(e => e.Problem is not null).Problem!.Reason);
    }

    [Fact]
    public void ReadBytes_DetectsJsonlByContent()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
        Assert.Equal(2, ArticleInputReader.ReadBytes(bytes, "-", new ReadOptions()).Count(r => r.Article is not null));
    }
}
