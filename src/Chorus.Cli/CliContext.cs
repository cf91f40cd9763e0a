using Spectre.Console;

namespace Chorus.Cli;

/// <summary>Where a command writes: stdout for results (one JSON document under --json), stderr for progress and warnings.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr, bool interactive)
    {
        Stdout = stdout;
        Stderr = stderr;
        Interactive = interactive;
        Out = Create(stdout, interactive);
        Err = Create(stderr, interactive);
    }

    public TextWriter Stdout { get; }

    public TextWriter Stderr { get; }

    /// <summary>True when a person is watching a terminal: colours and progress bars are worth drawing.</summary>
    public bool Interactive { get; }

    public IAnsiConsole Out { get; }

    public IAnsiConsole Err { get; }

    /// <summary>Tells the user, on stderr, that a write waits for another writer of the store.</summary>
    public void WaitingForWriter(string holder)
        => Stderr.WriteLine($"waiting for the store's write lock, held by {holder}; this goes on when that writer is done (Ctrl-C to stop)");

    private static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!interactive)
        {
            // Fixed width keeps redirected output and golden files stable.
            console.Profile.Width = 140;
        }

        return console;
    }
}
