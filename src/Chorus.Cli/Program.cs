using Chorus.Cli;

return await ChorusCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
