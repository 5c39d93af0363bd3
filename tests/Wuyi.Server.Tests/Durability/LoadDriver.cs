using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Wuyi.Server.Tests.Durability;

/// <summary>An answer the driver got from a node.</summary>
internal sealed record Reply(HttpStatusCode Status, JsonElement Body, string Text, string Node)
{
    public bool Ok => (int)Status is >= 200 and < 300;
}

/// <summary>
/// Plays the clients of one or more nodes as a real client would: every stimulus carries its own id (an
/// Idempotency-Key for starts, the task id for completions, a message id for messages), and a request that
/// fails in transit (the node was killed) or with a 5xx is sent again — to the next node when there are
/// several — until it gets an answer. What a client is told is remembered: a task whose completion was
/// acknowledged must never be open again, a message that was acknowledged must never be needed again.
/// </summary>
internal sealed class LoadDriver : IDisposable
{
    public const string User = "durability-driver";

    private readonly ServerProcess[] nodes;
    private readonly HttpClient[] clients;
    private readonly long[] downUntil;
    private readonly SemaphoreSlim gate;
    private int next = -1;
    private int transportFailures;

    public LoadDriver(IReadOnlyList<ServerProcess> nodes, int concurrency = 12)
    {
        this.nodes = [.. nodes];
        clients = [.. nodes.Select(n => new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionLifetime = TimeSpan.FromSeconds(20),
        })
        { BaseAddress = n.BaseAddress, Timeout = TimeSpan.FromSeconds(30) })];
        downUntil = new long[nodes.Count];
        gate = new SemaphoreSlim(concurrency);
    }

    private Task<string>? token;

    // The nodes are started with TestUsers.SigningKey, so a token made here is one they accept.
    private Task<string> TokenAsync() => token ??= TestUsers.TokenForProcessAsync(new Wuyi.People.Access.Caller(User, null, TestUsers.Official));

    /// <summary>5xx answers (a request the server failed; the driver retried it).</summary>
    public ConcurrentQueue<string> ServerErrors { get; } = new();

    /// <summary>What a client must never see: an acknowledged stimulus undone, an answer that contradicts the state.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Requests cut off in transit (refused, reset, timed out) and sent again.</summary>
    public int TransportFailures => Volatile.Read(ref transportFailures);

    /// <summary>Stimuli acknowledged by a node (2xx), by kind.</summary>
    public ConcurrentDictionary<string, int> Acknowledged { get; } = new();

    public async Task DeployAsync(string xml, CancellationToken cancellationToken)
    {
        var reply = await SendAsync("deploy", () => new HttpRequestMessage(HttpMethod.Post, "/api/definitions")
        {
            Content = new StringContent(xml, Encoding.UTF8, "application/xml"),
        }, null, cancellationToken);
        if (!reply.Ok)
            throw new InvalidOperationException($"deploy: {(int)reply.Status} {reply.Text}");
    }

    /// <summary>Starts an instance, idempotently by <paramref name="idempotencyKey"/>; returns its id.</summary>
    public async Task<string> StartAsync(string processKey, string businessKey, string idempotencyKey, int? node, CancellationToken cancellationToken)
    {
        var reply = await SendAsync($"start {idempotencyKey}", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances")
            {
                Content = JsonContent.Create(new { processKey, businessKey, variables = new { key = idempotencyKey } }),
            };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            return request;
        }, node, cancellationToken);
        if (!reply.Ok)
            throw new InvalidOperationException($"start {idempotencyKey}: {(int)reply.Status} {reply.Text}");
        Acknowledged.AddOrUpdate("start", 1, (_, n) => n + 1);
        return reply.Body.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetAsync(string url, CancellationToken cancellationToken)
    {
        var reply = await SendAsync($"GET {url}", () => new HttpRequestMessage(HttpMethod.Get, url), null, cancellationToken);
        if (reply.Status != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url}: {(int)reply.Status} {reply.Text}");
        return reply.Body;
    }

    public Task<JsonElement> InstanceAsync(string id, CancellationToken cancellationToken) =>
        GetAsync($"/api/instances/{Uri.EscapeDataString(id)}", cancellationToken);

    public async Task<List<JsonElement>> HistoryAsync(string id, CancellationToken cancellationToken) =>
        [.. (await GetAsync($"/api/instances/{Uri.EscapeDataString(id)}/history", cancellationToken)).EnumerateArray()];

    /// <summary>The instance's tasks (every state, or only <paramref name="state"/>).</summary>
    public async Task<List<JsonElement>> TasksAsync(string id, string? state, CancellationToken cancellationToken) =>
        [.. (await GetAsync($"/api/tasks?instance={Uri.EscapeDataString(id)}&pageSize=500" + (state is null ? "" : $"&state={state}"),
            cancellationToken)).GetProperty("items").EnumerateArray()];

    /// <summary>
    /// Acts as the instance's users until it completes: completes every open user task (once: a task acknowledged
    /// as completed and open again is a lost stimulus), sends the message the instance waits for (once, with a
    /// fixed id), and otherwise waits for its timer. With <paramref name="duplicates"/> &gt; 0, that share of the
    /// acknowledged stimuli is sent once more, as by a client that never saw the answer: the repeat must answer
    /// as the first did and change nothing.
    /// </summary>
    public async Task DriveAsync(string id, string businessKey, DurabilityModel model, Random random, CancellationToken cancellationToken,
        double duplicates = 0)
    {
        var acknowledged = new HashSet<string>();
        var reported = new HashSet<string>();
        var messageId = $"reported-{businessKey}";
        while (true)
        {
            var view = await InstanceAsync(id, cancellationToken);
            var state = view.GetProperty("state").GetString();
            if (state == "completed")
                return;
            if (state is "terminated" or "failed")
            {
                Violations.Enqueue($"{id} ({businessKey}) ended {state}: {view}");
                return;
            }
            var active = view.GetProperty("active").EnumerateArray().Select(a => a.GetString()!).ToHashSet();
            var acted = false;
            if (model.UserTasks.Any(active.Contains))
            {
                foreach (var task in await TasksAsync(id, "open", cancellationToken))
                {
                    var taskId = task.GetProperty("id").GetString()!;
                    if (acknowledged.Contains(taskId) && reported.Add(taskId))
                        Violations.Enqueue($"{id} ({businessKey}): task {taskId} ({task.GetProperty("elementId")}) was acknowledged as completed and is open again");
                    await Task.Delay(random.Next(50, 400), cancellationToken); // the user reads the form
                    var variables = new Dictionary<string, object> { [$"done{task.GetProperty("elementId")}"] = true };
                    HttpRequestMessage Complete() => new(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = JsonContent.Create(new { variables }) };
                    var reply = await SendAsync($"complete {taskId}", Complete, null, cancellationToken);
                    if (reply.Status == HttpStatusCode.OK)
                    {
                        acknowledged.Add(taskId);
                        Acknowledged.AddOrUpdate("task", 1, (_, n) => n + 1);
                        if (random.NextDouble() < duplicates)
                        {
                            var again = await SendAsync($"complete {taskId} again", Complete, null, cancellationToken);
                            Acknowledged.AddOrUpdate("task repeated", 1, (_, n) => n + 1);
                            if (again.Status != HttpStatusCode.OK || again.Body.GetProperty("state").GetString() != "completed")
                                Violations.Enqueue($"{id} ({businessKey}): completing task {taskId} a second time answered {(int)again.Status} {again.Text}");
                        }
                    }
                    else
                        Violations.Enqueue($"{id} ({businessKey}): completing open task {taskId} answered {(int)reply.Status} {reply.Text}");
                    acted = true;
                }
            }
            if (model.Message is { } message && active.Contains(message))
            {
                if (acknowledged.Contains(messageId) && reported.Add(messageId))
                    Violations.Enqueue($"{id} ({businessKey}): message {messageId} was acknowledged as correlated and the instance waits for it again");
                await Task.Delay(random.Next(50, 400), cancellationToken);
                HttpRequestMessage Send() => new(HttpMethod.Post, "/api/messages")
                {
                    Content = JsonContent.Create(new
                    {
                        name = DurabilityModels.MessageName, correlationKey = businessKey, messageId, variables = new { reported = true },
                    }),
                };
                bool Correlated(Reply r) => r.Ok && r.Body.TryGetProperty("correlated", out var c) && c.EnumerateArray().Any(x => x.GetString() == id)
                    && !r.Body.GetProperty("buffered").GetBoolean();
                var reply = await SendAsync($"message {messageId}", Send, null, cancellationToken);
                if (Correlated(reply))
                {
                    acknowledged.Add(messageId);
                    Acknowledged.AddOrUpdate("message", 1, (_, n) => n + 1);
                    if (random.NextDouble() < duplicates)
                    {
                        var again = await SendAsync($"message {messageId} again", Send, null, cancellationToken);
                        Acknowledged.AddOrUpdate("message repeated", 1, (_, n) => n + 1);
                        if (!Correlated(again))
                            Violations.Enqueue($"{id} ({businessKey}): message {messageId} sent a second time answered {(int)again.Status} {again.Text}");
                    }
                }
                else
                    Violations.Enqueue($"{id} ({businessKey}): message {messageId} sent while the instance waited at {message} answered {(int)reply.Status} {reply.Text}");
                acted = true;
            }
            if (!acted)
                await Task.Delay(random.Next(200, 500), cancellationToken); // waiting for the timer
        }
    }

    /// <summary>
    /// Sends a request until some node answers it with less than 500: a request cut off in transit or failed
    /// with a 5xx is sent again (the next node first when there are several, as behind a load balancer).
    /// </summary>
    public async Task<Reply> SendAsync(string what, Func<HttpRequestMessage> request, int? node, CancellationToken cancellationToken)
    {
        var first = node ?? Interlocked.Increment(ref next) & int.MaxValue;
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = Pick(first + attempt);
            await gate.WaitAsync(cancellationToken);
            try
            {
                using var message = request();
                message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync());
                using var response = await clients[index].SendAsync(message, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if ((int)response.StatusCode < 500)
                {
                    var body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true
                        ? JsonDocument.Parse(text).RootElement.Clone()
                        : default;
                    return new Reply(response.StatusCode, body, text, nodes[index].BaseAddress.ToString());
                }
                ServerErrors.Enqueue($"{what} on {nodes[index].BaseAddress}: {(int)response.StatusCode} {Shorten(text)}");
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested
                && e is HttpRequestException or TaskCanceledException or IOException or System.Net.Sockets.SocketException)
            {
                Interlocked.Increment(ref transportFailures);
                Volatile.Write(ref downUntil[index], Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2);
            }
            finally
            {
                gate.Release();
            }
            await Task.Delay(Math.Min(50 * (attempt + 1), 500), cancellationToken);
        }
    }

    public void Dispose()
    {
        foreach (var client in clients)
            client.Dispose();
        gate.Dispose();
    }

    // The node at position n (round robin), skipping one that just failed in transit when another may be up.
    private int Pick(int n)
    {
        var now = Stopwatch.GetTimestamp();
        for (var i = 0; i < nodes.Length; i++)
        {
            var index = (n + i) % nodes.Length;
            if (Volatile.Read(ref downUntil[index]) < now)
                return index;
        }
        return n % nodes.Length;
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
