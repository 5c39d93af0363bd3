using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wuyi.Server.Tests.Hardening;

/// <summary>
/// HTTP/1.1 over a bare socket, for bodies a server refuses while they are still being sent: HttpClient gives up
/// with "broken pipe" before reading the answer; a client that reads while it writes (as curl does) gets it.
/// </summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="body"/> (chunked, or with a Content-Length) as an administrator of 46 and returns the
    /// status and the answer's body.</summary>
    public static async Task<(HttpStatusCode Status, string ContentType, string Body)> PostAsync(WuyiServer wuyi, string path, string contentType,
        byte[] body, bool chunked)
    {
        var server = wuyi.Client.BaseAddress!;
        var token = await wuyi.TokenAsync("admin", "administrator:46");
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var reading = ReadResponseAsync(stream);
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: {contentType}\r\nAuthorization: Bearer {token}\r\n" +
                   (chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n") + "\r\n";
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            for (var offset = 0; offset < body.Length && !reading.IsCompleted; offset += 64 * 1024)
            {
                var size = Math.Min(64 * 1024, body.Length - offset);
                if (chunked)
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
                await stream.WriteAsync(body.AsMemory(offset, size));
                if (chunked)
                    await stream.WriteAsync("\r\n"u8.ToArray());
            }
            if (chunked && !reading.IsCompleted)
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The server stopped reading: it has answered, or is about to.
        }
        return await reading.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task<(HttpStatusCode, string, string)> ReadResponseAsync(NetworkStream stream)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer);
            }
            catch (IOException)
            {
                break;
            }
            if (read == 0)
                break;
            received.Write(buffer, 0, read);
            if (TryParse(received.ToArray()) is { } complete)
                return complete;
        }
        return TryParse(received.ToArray()) ?? throw new InvalidOperationException($"no complete answer: {Encoding.UTF8.GetString(received.ToArray())}");
    }

    private static (HttpStatusCode, string, string)? TryParse(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
            return null;
        var lines = text[..end].Split("\r\n");
        var status = (HttpStatusCode)int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        string Header(string name) => lines.Skip(1).Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault() ?? "";
        var rest = text[(end + 4)..];
        if (Header("Transfer-Encoding").Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var body = new StringBuilder();
            while (true)
            {
                var lineEnd = rest.IndexOf("\r\n", StringComparison.Ordinal);
                if (lineEnd < 0)
                    return null;
                var size = Convert.ToInt32(rest[..lineEnd], 16);
                if (size == 0)
                    return (status, Header("Content-Type"), body.ToString());
                if (rest.Length < lineEnd + 2 + size + 2)
                    return null;
                body.Append(rest, lineEnd + 2, size);
                rest = rest[(lineEnd + 2 + size + 2)..];
            }
        }
        var length = int.TryParse(Header("Content-Length"), out var l) ? l : 0;
        return Encoding.UTF8.GetByteCount(rest) >= length ? (status, Header("Content-Type"), rest) : null;
    }
}
