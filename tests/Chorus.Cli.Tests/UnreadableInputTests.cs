using System.Diagnostics;

namespace Chorus.Cli.Tests;

/// <summary>
/// Folders and files the user may not read are rejected one by one, naming them, and the rest is ingested. Root reads
/// everything, so under root (as in CI) the CLI runs as the unprivileged user <c>nobody</c> through <c>setpriv</c>.
/// </summary>
public sealed class UnreadableInputTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private readonly List<string> _locked = [];

    public void Dispose()
    {
        // Given back to their owner, so the folder can be removed by a user who is not root.
        foreach (var path in _locked)
        {
            Chmod(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _tmp.Dispose();
    }

    [SkippableFact]
    public async Task AnUnreadableFolderAndFile_AreRejectedByName_AndEverythingElseIsIngested()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "file modes are checked on Linux");
        var root = Environment.UserName == "root";
        Skip.If(root && !File.Exists("/usr/bin/setpriv"), "running as root needs setpriv (util-linux) to read as an unprivileged user");

        var input = Path.Combine(_tmp.Path, "in");
        var locked = Path.Combine(input, "locked");
        Directory.CreateDirectory(locked);
        const string Article = " date 2024-03-01\n\nDe brand in Venlo woedde dinsdag urenlang. De brandweer bleef de hele nacht.";
        await File.WriteAllTextAsync(Path.Combine(input, "a.txt"), Article);
        await File.WriteAllTextAsync(Path.Combine(locked, "b.txt"), Article.Replace("Venlo", "Tegelen", StringComparison.Ordinal));
        var secret = Path.Combine(input, "secret.txt");
        await File.WriteAllTextAsync(secret, Article.Replace("Venlo", "Blerick", StringComparison.Ordinal));
        var everyone = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        Chmod(_tmp.Path, everyone);
        Chmod(input, everyone);
        _locked.AddRange([locked, secret]);
        Chmod(locked, UnixFileMode.None);
        Chmod(secret, UnixFileMode.None);

        var db = Path.Combine(_tmp.Path, "s.db");
        var (code, stdout, stderr) = await RunAsync(root, "ingest", input, "--db", db);

        Assert.Equal(1, code);
        Assert.Contains("ingested 1,", stdout, StringComparison.Ordinal);
        Assert.Contains("rejected 2", stdout, StringComparison.Ordinal);
        Assert.Contains($"rejected {locked}: cannot read folder", stderr, StringComparison.Ordinal);
        Assert.Contains("secret.txt: cannot read", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(bool asNobody, params string[] args)
    {
        var info = new ProcessStartInfo(asNobody ? "/usr/bin/setpriv" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asNobody)
        {
            foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet" })
            {
                info.ArgumentList.Add(a);
            }

            // nobody's home does not exist; the runtime needs a writable one.
            info.Environment["HOME"] = Path.GetTempPath();
            info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }

        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Chorus.Cli.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }

    private static void Chmod(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
