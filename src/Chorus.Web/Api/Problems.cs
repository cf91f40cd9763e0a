using Microsoft.AspNetCore.Http.HttpResults;

namespace Chorus.Web.Api;

/// <summary>The API's error answers, all RFC 9457 problem details naming what was wrong.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string what, string id)
        => TypedResults.Problem(title: $"No such {what}", detail: $"There is no {what} '{id}'.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>The parameter a binding failure names: 'Failed to bind parameter "int limit" from "abc".' → limit.</summary>
    public static string? FieldOf(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, "parameter \"(?:[^\" ]+ )?([A-Za-z_][A-Za-z0-9_]*)\"", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(50));
        return m.Success ? m.Groups[1].Value : null;
    }

    public static ProblemHttpResult BadField(string field, string detail)
        => TypedResults.Problem(title: $"Bad value for '{field}'", detail: detail, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = field });
}
