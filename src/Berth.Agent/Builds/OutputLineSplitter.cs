using System.Text;

namespace Berth.Agent.Builds;

/// <summary>
/// Turns a stream of output bytes that arrive in arbitrary pieces into whole lines: a line is
/// given out once its newline arrives (carriage returns dropped), the rest at the end.
/// Decoding is UTF-8 and a character split between two pieces is kept intact.
/// </summary>
internal sealed class OutputLineSplitter
{
    private readonly Decoder decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder pending = new();

    /// <summary>The lines that <paramref name="bytes"/> completes.</summary>
    public IReadOnlyList<string> Append(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[decoder.GetCharCount(bytes, flush: false)];
        decoder.GetChars(bytes, chars, flush: false);

        var lines = new List<string>();
        foreach (var c in chars)
        {
            if (c == '\n')
            {
                lines.Add(Take());
            }
            else if (c != '\r')
            {
                pending.Append(c);
            }
        }

        return lines;
    }

    /// <summary>The last line when the output did not end with a newline; nothing else.</summary>
    public IReadOnlyList<string> Finish() => pending.Length > 0 ? [Take()] : [];

    private string Take()
    {
        var line = pending.ToString();
        pending.Clear();
        return line;
    }
}
