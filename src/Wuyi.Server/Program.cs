using Wuyi.Server.CommandLine;

// `wuyi` is one executable: `serve` (the default), `migrate`, `regions import`, … — see WuyiCommandLine.
return await WuyiCommandLine.Create().Parse(args).InvokeAsync();
