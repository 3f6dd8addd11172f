using System.IO.Pipelines;

namespace Lodestar.Gateway.Hygiene;

/// <summary>
/// A write-only stream over a response's PipeWriter that always asks the writer for a sized span. gRPC-Web text's
/// base64 writer can hand out an empty span when asked without a size hint, which the framework's generic
/// PipeWriter.WriteAsync (what YARP's copy ends in) treats as an error.
/// </summary>
public sealed class SizedPipeWriterStream(PipeWriter writer) : Stream
{
    private const int Chunk = 4096;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var span = writer.GetSpan(Math.Min(buffer.Length, Chunk));
            var count = Math.Min(span.Length, buffer.Length);
            buffer.Span[..count].CopyTo(span);
            writer.Advance(count);
            buffer = buffer[count..];
        }
        await writer.FlushAsync(cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken) => await writer.FlushAsync(cancellationToken);

    public override void Flush() => throw new NotSupportedException("Synchronous I/O is not allowed.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous I/O is not allowed.");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
