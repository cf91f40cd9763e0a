using System.Globalization;

namespace Chorus.Storage.Locking;

/// <summary>
/// The write right on an embedded store, shared by every process that opens it: an exclusive lock on the file
/// <c>STORE.lock</c> (<c>flock</c> on Unix, a sharing lock on Windows), released by the operating system when its
/// holder exits, however it exits. Who holds it is written to <c>STORE.lock.holder</c> for the message a waiting
/// writer shows (the lock file itself cannot be read while it is held). Within one process, writers of one store
/// take turns on a semaphore first, so the file lock is never asked for twice by one holder.
/// </summary>
public sealed class FileWriteLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly string _lockPath;
    private readonly SemaphoreSlim _inProcess = new(1, 1);

    public FileWriteLock(string storePath)
    {
        _lockPath = storePath + ".lock";
    }

    /// <summary>Waits for the lock; <paramref name="waiting"/> is called once, with who holds it, when it is not free at once.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string purpose, Action<string>? waiting, CancellationToken cancellationToken)
    {
        await _inProcess.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var told = false;
            while (true)
            {
                if (TryOpen(purpose) is { } held)
                {
                    return held;
                }

                if (!told)
                {
                    told = true;
                    waiting?.Invoke(Holder());
                }

                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _inProcess.Release();
            throw;
        }
    }

    /// <summary>The lock when it is free now (in this process and in every other), else null.</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string purpose, CancellationToken cancellationToken)
    {
        if (!await _inProcess.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var held = TryOpen(purpose);
        if (held is null)
        {
            _inProcess.Release();
        }

        return held;
    }

    private Held? TryOpen(string purpose)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException) when (File.Exists(_lockPath))
        {
            return null;
        }

        try
        {
            File.WriteAllText(HolderPath, string.Create(CultureInfo.InvariantCulture, $"process {Environment.ProcessId} ({purpose}) since {DateTime.Now:yyyy-MM-dd HH:mm:ss}"));
        }
        catch (IOException)
        {
            // The holder note is for messages only; a store in a read-only folder cannot be written anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return new Held(this, stream);
    }

    private string HolderPath => _lockPath + ".holder";

    private string Holder()
    {
        try
        {
            var text = File.ReadAllText(HolderPath).Trim();
            return text.Length == 0 ? "another process" : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }

    private sealed class Held(FileWriteLock owner, FileStream stream) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            await stream.DisposeAsync().ConfigureAwait(false);
            owner._inProcess.Release();
        }
    }
}
