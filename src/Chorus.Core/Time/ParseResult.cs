namespace Chorus.Core.Time;

/// <summary>The outcome of parsing user input: a value, or a message saying what is wrong with it.</summary>
public readonly record struct ParseResult<T>
{
    private ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    public bool Success => Error is null;

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(string error) => new(default, error);
}
