using System.Globalization;

namespace Chorus.Storage.Locking;

/// <summary>
/// Claims on chunks of a shared ingest run, for an embedded store: byte-range locks on the file <c>STORE.claims</c>,
/// one byte per (run, chunk), released by the operating system when the holder exits however it exits. One open file
/// per store instance holds every claim of this process (closing a second handle on the file could drop them), and a
/// set keeps this process from claiming a chunk twice.
/// </summary>
public sealed class FileChunkClaims(string storePath) : IDisposable
{
    private readonly string _path = storePath + ".claims";
    private readonly HashSet<long> _held = [];
    private readonly System.Threading.Lock _gate = new();
    private FileStream? _file;

    public IAsyncDisposable? TryClaim(string run, int chunk)
    {
        ArgumentNullException.ThrowIfNull(run);
        var offset = Offset(run, chunk);
        lock (_gate)
        {
            if (_held.Contains(offset))
            {
                return null;
            }

            if (OperatingSystem.IsMacOS())
            {
                // No byte-range locks there: one small file per claim, locked whole.
                try
                {
                    var file = new FileStream(string.Create(CultureInfo.InvariantCulture, $"{_path}.{offset:x}"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    _held.Add(offset);
                    return new Claim(this, offset, file);
                }
                catch (IOException)
                {
                    return null;
                }
            }

            _file ??= new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            try
            {
                _file.Lock(offset, 1);
            }
            catch (IOException)
            {
                return null;
            }

            _held.Add(offset);
            return new Claim(this, offset, null);
        }
    }

    // A run's chunks get their own megabyte of offsets, placed by the run key (hex), so two runs rarely share a byte.
    private static long Offset(string run, int chunk)
    {
        var prefix = run.Length >= 5 && long.TryParse(run.AsSpan(0, 5), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var h) ? h : run.Length;
        return (prefix << 20) + Math.Clamp(chunk, 0, (1 << 20) - 1);
    }

    private void Release(long offset, FileStream? own)
    {
        lock (_gate)
        {
            if (!_held.Remove(offset))
            {
                return;
            }

            if (own is not null)
            {
                own.Dispose();
            }
            else if (!OperatingSystem.IsMacOS())
            {
                _file?.Unlock(offset, 1);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
            _held.Clear();
        }
    }

    private sealed class Claim(FileChunkClaims owner, long offset, FileStream? own) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            owner.Release(offset, own);
            return ValueTask.CompletedTask;
        }
    }
}
