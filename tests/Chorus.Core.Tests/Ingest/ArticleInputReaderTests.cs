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

public class ArticleInputReaderBoundsTests
{
    [Fact]
    public void PipesDevicesLinkLoopsAndUnboundedStreams_AreRejectedOrVisitedOnce_NeverHang()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var tmp = new TempFolder();
        tmp.File("a.txt", " date 2023-09-12\n\nEen artikel.");
        tmp.File("sub/b.txt", " date 2023-09-12\n\nNog een artikel.");
        var fifo = Path.Combine(tmp.Path, "pipe.txt");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mk.WaitForExit();
        }

        File.CreateSymbolicLink(Path.Combine(tmp.Path, "sub", "loop"), tmp.Path);
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "sub", "again.txt"), Path.Combine(tmp.Path, "a.txt"));
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "sub", "gone.txt"), Path.Combine(tmp.Path, "nowhere.txt"));

        var expanded = ArticleInputReader.Expand([tmp.Path, "/dev/zero"]).ToList();
        Assert.Equal(["a.txt", Path.Combine("sub", "b.txt")], expanded.Where(e => e.File is not null).Select(e => Path.GetRelativePath(tmp.Path, e.File!)).Order(StringComparer.Ordinal));
        Assert.Contains(expanded, e => e.Problem is { } p && p.Input == fifo && p.Reason.Contains("named pipe", StringComparison.Ordinal));
        Assert.Contains(expanded, e => e.Problem is { } p && p.Input == "/dev/zero" && p.Reason.Contains("not a regular file", StringComparison.Ordinal));
        Assert.Contains(expanded, e => e.Problem is { } p && p.Input.EndsWith("gone.txt", StringComparison.Ordinal) && p.Reason.Contains("leads nowhere", StringComparison.Ordinal));
        Assert.Contains("not a regular file", Assert.Single(ArticleInputReader.ReadFile("/dev/zero", new ReadOptions())).Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AStream_IsLimitedByTheBytesReallyRead_NotByAReportedLength()
    {
        // A stream that never ends and reports no length, as standard input fed from a device does.
        using var endless = new EndlessStream();
        var r = Assert.Single(ArticleInputReader.ReadStream(endless, "-", new ReadOptions { Format = InputFormat.Text, MaxDocumentBytes = 1024 * 1024 }));
        Assert.Contains("more than", r.Rejection!.Reason, StringComparison.Ordinal);
        Assert.True(endless.Served <= (1024 * 1024) + 81920);
    }

    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public class DisplayRefTests
{
    // No absolute path or user folder of the ingesting machine is ever stored as a reference.
    [Theory]
    [InlineData("samples", "samples/a.txt", "samples/a.txt")]
    [InlineData("samples/a.txt", "samples/a.txt", "samples/a.txt")]
    [InlineData("/home/ann/news", "/home/ann/news/sub/a.txt", "news/sub/a.txt")]
    [InlineData("/home/ann/news/", "/home/ann/news/a.txt", "news/a.txt")]
    [InlineData("/home/ann/a.txt", "/home/ann/a.txt", "a.txt")]
    [InlineData("../shared/seeds", "../shared/seeds/000.txt", "seeds/000.txt")]
    public void DisplayRef_KeepsOnlyWhatWasNamed(string given, string file, string expected)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(expected, ArticleInputReader.DisplayRef(given, file));
    }

    [Fact]
    public void ReadFile_WithAReference_RenamesArticles_ButRejectionsNameThePath()
    {
        using var tmp = new TempFolder();
        var path = tmp.File("news/a.jsonl", "{\"text\":\"Een tekst over Utrecht.\",\"date\":\"2023-09-12\"}\n{\"date\":\"2023-09-12\"}\n");
        var results = ArticleInputReader.ReadFile(path, new ReadOptions(), "news/a.jsonl").ToList();
        Assert.Equal("news/a.jsonl:1", results[0].Article!.Ref);
        Assert.Equal($"{path}:2", results[1].Rejection!.Input);
    }
}
