namespace Chorus.Storage;

/// <summary>The store could not be opened; the message says why and that nothing was changed.</summary>
public sealed class StoreOpenException : Exception
{
    public StoreOpenException(string message)
        : base(message)
    {
    }

    public StoreOpenException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StoreOpenException()
    {
    }
}
