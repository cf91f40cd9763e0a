using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Chorus.Core.Fuzzing;

/// <summary>
/// Something fuzzed: its seed inputs (real ones: the seed articles, DPG lines, readability pages, feeds) and what
/// one input is run through. <see cref="Run"/> throwing is a crash; not returning within the hang limit is a hang.
/// </summary>
public sealed record FuzzTarget(string Name, IReadOnlyList<byte[]> Seeds, Action<byte[]> Run, int MaxInputBytes = 64 * 1024);

/// <summary>What a campaign found: inputs run, crashes and hangs (with the first few, reproducible by their index).</summary>
public sealed record FuzzReport(string Target, int Inputs, int Crashes, int Hangs, double Seconds, IReadOnlyList<string> Failures);

/// <summary>
/// A mutation fuzzer: each input is a seed changed by one to four mutations (bit flips, interesting bytes, tokens
/// that broke Chorus before such as "9999-12-31" or an unpaired surrogate, deleted, repeated or spliced ranges).
/// Input <c>i</c> of a campaign with seed <c>s</c> is always the same bytes, so a failure is reproduced by its index.
/// </summary>
public static class MutationFuzzer
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "9999-12-31", "0001-01-01", "99999999999999999", "123456789012345678901234567890", "\\ud800", "\\udfff", "<item>", "</item>",
            "<entry>", "<![CDATA[", "]]>", "&#0;", "&#xD800;", "NOT", "AND OR", "/(.*){6000}/", " date ", "date 2023-13-45\n", "{\"text\":",
            "\"date\":", "<script>", "</p><p>", "\n\n", "„", "''", "«", "»", "…", "ruim 200", "om 03.00 uur", "10-13 september",
            "e+999999", "1^999", "Kim Jong-un", "(NAVO)", "*", "?", "~", "\\", "%", "%00", "%ff", "../", "\u200b", "\ud83d\ude00",
        }.Select(Encoding.UTF8.GetBytes),
        [0xED, 0xA0, 0x80], [0xC3], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0x00],
    ];

    private static readonly byte[] Interesting = [0, 0xFF, 0x7F, 0x80, (byte)'<', (byte)'>', (byte)'"', (byte)'{', (byte)'}', (byte)'\\', (byte)'\n', (byte)' ', (byte)'/', 0xC3, 0xED];

    /// <summary>Input number <paramref name="index"/> of the campaign with <paramref name="seed"/>.</summary>
    public static byte[] Input(IReadOnlyList<byte[]> seeds, int seed, int index, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var random = new Random(HashCode.Combine(seed, index));
        var data = new List<byte>(seeds.Count == 0 ? [] : seeds[random.Next(seeds.Count)]);
        var steps = 1 + random.Next(4);
        for (var s = 0; s < steps; s++)
        {
            Mutate(data, seeds, random, maxBytes);
        }

        return data.Count > maxBytes ? data.GetRange(0, maxBytes).ToArray() : [.. data];
    }

    private static void Mutate(List<byte> data, IReadOnlyList<byte[]> seeds, Random random, int maxBytes)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
        switch (random.Next(8))
        {
            case 0 when data.Count > 0:
                data[Math.Min(at, data.Count - 1)] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[Math.Min(at, data.Count - 1)] = Interesting[random.Next(Interesting.Length)];
                break;
            case 2 or 3:
                data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                break;
            case 4 when data.Count > 0:
                data.RemoveRange(at == data.Count ? at - 1 : at, Math.Min(data.Count - Math.Max(0, at == data.Count ? at - 1 : at), 1 + random.Next(64)));
                break;
            case 5 when data.Count > 0:
            {
                // A range repeated many times: long lines, deep nesting, many items.
                var start = random.Next(data.Count);
                var length = Math.Min(data.Count - start, 1 + random.Next(16));
                var times = random.Next(2) == 0 ? 2 + random.Next(8) : Math.Max(1, Math.Min(2000, maxBytes / Math.Max(1, length) / 2));
                var range = data.GetRange(start, length);
                for (var t = 0; t < times && data.Count < maxBytes; t++)
                {
                    data.InsertRange(start, range);
                }

                break;
            }

            case 6 when seeds.Count > 0:
            {
                var other = seeds[random.Next(seeds.Count)];
                var from = other.Length == 0 ? 0 : random.Next(other.Length);
                data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + random.Next(512))).ToArray());
                break;
            }

            case 7 when data.Count > 0:
                data.RemoveRange(at == data.Count ? data.Count - 1 : at, data.Count - (at == data.Count ? data.Count - 1 : at));
                break;
            default:
                data.Insert(Math.Min(at, data.Count), (byte)random.Next(256));
                break;
        }
    }

    /// <summary>
    /// Runs <paramref name="inputs"/> inputs through the target on every core. An input still running after
    /// <paramref name="hangAfter"/> is a hang (its thread is left to finish); failing inputs are written to
    /// <paramref name="saveTo"/> when given, named by target and index.
    /// </summary>
    public static FuzzReport Run(FuzzTarget target, int inputs, int seed, TimeSpan hangAfter, string? saveTo = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var failures = new ConcurrentBag<(int Index, string What)>();
        var (crashes, hangs) = (0, 0);
        var watch = Stopwatch.StartNew();
        Parallel.For(0, inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            var input = Input(target.Seeds, seed, i, target.MaxInputBytes);
            var run = Task.Factory.StartNew(() => target.Run(input), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            string? what = null;
            try
            {
                if (!run.Wait(hangAfter, cancellationToken))
                {
                    Interlocked.Increment(ref hangs);
                    what = $"hang: still running after {hangAfter.TotalSeconds:0} s";
                }
            }
            catch (AggregateException e) when (e.InnerException is { } inner and not OperationCanceledException)
            {
                Interlocked.Increment(ref crashes);
                what = $"crash: {inner.GetType().Name}: {inner.Message} {FirstFrame(inner)}";
            }

            if (what is not null)
            {
                failures.Add((i, what));
                if (saveTo is not null)
                {
                    Directory.CreateDirectory(saveTo);
                    File.WriteAllBytes(Path.Combine(saveTo, $"{target.Name}-{seed}-{i}.bin"), input);
                }
            }
        });

        var listed = failures.OrderBy(f => f.Index).Take(20).Select(f => $"input {f.Index}: {f.What}").ToList();
        return new FuzzReport(target.Name, inputs, crashes, hangs, watch.Elapsed.TotalSeconds, listed);
    }

    private static string FirstFrame(Exception e)
        => e.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? string.Empty;
}
