using Berth.Cli;

return await CliApplication.CreateDefault().RunAsync(args);
