using System.Runtime.InteropServices;

namespace Chorus.Core.Ingest;

/// <summary>What kind of thing a path names, as far as reading articles is concerned.</summary>
public enum FileKind
{
    /// <summary>The platform cannot say (not Linux): treated as a regular file, read with a byte limit.</summary>
    Unknown,
    Regular,
    Directory,

    /// <summary>A named pipe, device or socket: reading it may block forever or never end (<c>/dev/zero</c>).</summary>
    Special,
    Missing,
}

/// <summary>
/// The kind and identity (device and inode) of a path, links followed. .NET reports pipes and devices as plain
/// files of length 0, so on Linux this asks the kernel through <c>statx(2)</c>, whose structure has one layout on
/// every architecture. The identity lets a folder walk visit each folder and file once, however many links lead there.
/// </summary>
public readonly record struct FileIdentity(FileKind Kind, ulong Device, ulong Inode)
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxIno = 0x100;

    public static FileIdentity Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            return new FileIdentity(Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing, 0, 0);
        }

        Span<byte> buffer = stackalloc byte[256];
        int rc;
        try
        {
            rc = Statx(AtFdCwd, path, 0, StatxType | StatxIno, ref MemoryMarshal.GetReference(buffer));
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return new FileIdentity(Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing, 0, 0);
        }

        if (rc != 0)
        {
            return new FileIdentity(FileKind.Missing, 0, 0);
        }

        var mode = BitConverter.ToUInt16(buffer[28..30]);
        var inode = BitConverter.ToUInt64(buffer[32..40]);
        var device = ((ulong)BitConverter.ToUInt32(buffer[136..140]) << 32) | BitConverter.ToUInt32(buffer[140..144]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            _ => FileKind.Special,
        };
        return new FileIdentity(kind, device, inode);
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref byte buffer);
}
