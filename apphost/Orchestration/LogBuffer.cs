namespace Lodestar.AppHost.Orchestration;

/// <summary>The last lines a process wrote, numbered, so a reader can ask for what came after the line it last saw.</summary>
public sealed class LogBuffer(int capacity = 2000)
{
    private readonly Queue<LogLine> _lines = new();
    private long _next = 1;

    public void Append(string text, bool isError)
    {
        lock (_lines)
        {
            _lines.Enqueue(new LogLine(_next++, DateTimeOffset.UtcNow, text, isError));
            while (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    /// <summary>Lines numbered above <paramref name="after"/> (all kept lines for 0).</summary>
    public IReadOnlyList<LogLine> Since(long after)
    {
        lock (_lines) return [.. _lines.Where(l => l.Sequence > after)];
    }
}
