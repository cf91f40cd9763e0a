using System.Globalization;

namespace Chorus.Storage.Locking;

/// <summary>
/// Claims on chunks of a shared ingest run, for an embedded store: byte-range locks on the file <c>STORE.claims</c>,
/// one byte per (run, chunk), released by the operating system when the holder exits however it exits. Record locks
/// belong to the process, and closing any handle on the file drops them all, so one handle per file serves the whole
/// process for its lifetime, and a process-wide set keeps two store instances of one process from sharing a claim.
/// </summary>
public sealed class FileChunkClaims(string storePath)
{
    private static readonly Dictionary<string, (FileStream? File, HashSet<long> Held)> Files = new(StringComparer.Ordinal);
    private static readonly System.Threading.Lock Gate = new();
    private readonly string _path = Path.GetFullPath(storePath + ".claims");

    public IAsyncDisposable? TryClaim(string run, int chunk)
    {
        ArgumentNullException.ThrowIfNull(run);
        var offset = Offset(run, chunk);
        lock (Gate)
        {
            if (!Files.TryGetValue(_path, out var entry))
            {
                entry = (null, []);
                Files[_path] = entry;
            }

            if (entry.Held.Contains(offset))
            {
                return null;
            }

            if (OperatingSystem.IsMacOS())
            {
                // No byte-range locks there: one small file per claim, locked whole.
                try
                {
                    var own = new FileStream(string.Create(CultureInfo.InvariantCulture, $"{_path}.{offset:x}"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    entry.Held.Add(offset);
                    return new Claim(_path, offset, own);
                }
                catch (IOException)
                {
                    return null;
                }
            }

            var file = entry.File ?? new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            Files[_path] = (file, entry.Held);
            try
            {
                file.Lock(offset, 1);
            }
            catch (IOException)
            {
                return null;
            }

            entry.Held.Add(offset);
            return new Claim(_path, offset, null);
        }
    }

    // A run's chunks get their own megabyte of offsets, placed by the run key (hex), so two runs rarely share a byte.
    private static long Offset(string run, int chunk)
    {
        var prefix = run.Length >= 5 && long.TryParse(run.AsSpan(0, 5), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var h) ? h : run.Length;
        return (prefix << 20) + Math.Clamp(chunk, 0, (1 << 20) - 1);
    }

    private static void Release(string path, long offset, FileStream? own)
    {
        lock (Gate)
        {
            if (!Files.TryGetValue(path, out var entry) || !entry.Held.Remove(offset))
            {
                return;
            }

            if (own is not null)
            {
                own.Dispose();
            }
            else if (!OperatingSystem.IsMacOS())
            {
                entry.File?.Unlock(offset, 1);
            }
        }
    }

    private sealed class Claim(string path, long offset, FileStream? own) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Release(path, offset, own);
            }

            return ValueTask.CompletedTask;
        }
    }
}
