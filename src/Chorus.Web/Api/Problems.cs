using Microsoft.AspNetCore.Http.HttpResults;

namespace Chorus.Web.Api;

/// <summary>The API's error answers, all RFC 9457 problem details naming what was wrong.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string what, string id)
        => TypedResults.Problem(title: $"No such {what}", detail: $"There is no {what} '{id}'.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult BadField(string field, string detail)
        => TypedResults.Problem(title: $"Bad value for '{field}'", detail: detail, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = field });
}
