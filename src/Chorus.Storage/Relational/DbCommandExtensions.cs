using System.Data;
using System.Data.Common;

namespace Chorus.Storage.Relational;

/// <summary>Parameters for any ADO.NET provider, typed so that every engine can infer what a null is.</summary>
internal static class DbCommandExtensions
{
    public static DbParameter AddValue(this DbCommand command, string name, object? value, DbType nullType = DbType.String)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        switch (value)
        {
            case null or DBNull:
                // An untyped null is fine for SQLite, but PostgreSQL must know its type ("@from IS NULL").
                parameter.DbType = nullType;
                parameter.Value = DBNull.Value;
                break;
            default:
                parameter.Value = Storable(value);
                break;
        }

        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>A value as a parameter takes it: null as <see cref="DBNull"/>, text without NUL.</summary>
    public static object Storable(object? value) => value switch
    {
        null => DBNull.Value,
        // PostgreSQL text cannot hold NUL (a fuzzed query, a JSONL "\u0000"): both stores keep U+FFFD instead, one
        // character for one, so offsets into the text still hold.
        string text when text.Contains('\0', StringComparison.Ordinal) => text.Replace('\0', '\uFFFD'),
        // A kind is stored under its name (an entity type's code "PER"), never as the number a provider would write.
        Enum kind => throw new ArgumentException($"{kind.GetType().Name}.{kind} passed as a parameter value; store its name"),
        _ => value,
    };

    public static DbParameter AddTyped(this DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
