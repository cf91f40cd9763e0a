using Chorus.Web;

// `dotnet Chorus.Web.dll --Chorus:Db=PATH` runs the server alone; `./chorus serve` is the usual way in.
var app = ChorusWebApp.Build(args);
await app.RunAsync().ConfigureAwait(false);

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
