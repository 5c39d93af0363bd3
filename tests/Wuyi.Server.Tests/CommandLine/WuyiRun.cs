using System.CommandLine;
using Wuyi.Server.CommandLine;

namespace Wuyi.Server.Tests.CommandLine;

/// <summary>Runs the `wuyi` command line in-process and captures what it prints.</summary>
internal sealed record WuyiRun(int ExitCode, string Output, string Error)
{
    public static async Task<WuyiRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await WuyiCommandLine.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new WuyiRun(exitCode, output.ToString(), error.ToString());
    }
}
