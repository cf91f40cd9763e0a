namespace Chorus.Cli;

/// <summary>The CLI's exit codes, as CONTRACT.md and the README promise them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran, but some inputs were rejected.</summary>
    public const int Partial = 1;

    /// <summary>The command line itself was wrong: unknown option, missing argument, unknown id, unusable --db.</summary>
    public const int Usage = 2;

    /// <summary>The machine failed the command: the disk is full, the store cannot be written.</summary>
    public const int Environment = 3;
}
